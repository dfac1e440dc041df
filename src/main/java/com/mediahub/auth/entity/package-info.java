/** The refresh-token allow-list: the {@code refresh_tokens} table (hashes only) and its JPA repository. */
package com.mediahub.auth.entity;
