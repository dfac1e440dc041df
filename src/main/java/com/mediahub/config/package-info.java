/**
 * Configuration: config.toml (read with tomlj), the signing-secret priority chain of contract
 * section 4, and the comment-preserving save of a generated secret.
 */
package com.mediahub.config;
