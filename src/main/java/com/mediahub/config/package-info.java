/**
 * Configuration: config.toml (read with tomlj) and the environment turned into settings records,
 * read once at startup, and the comment-keeping save of a generated secret. Knows no feature;
 * features that own a part of the file (the signing keys) read it from the parsed
 * {@link com.mediahub.config.ConfigFile}.
 */
package com.mediahub.config;
