/**
 * The {@code login_failures} table: one counter row per user, network and user+network pair,
 * and the atomic statement that counts a check in flight (its SQL chosen per database by a probe).
 */
package com.mediahub.auth.password.entity;
