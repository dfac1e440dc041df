/**
 * Authentication logic: the hybrid Basic/Bearer mechanism, the JPA identity store, bcrypt,
 * access-token signing and verification, refresh-token rotation and clean-up.
 */
package com.mediahub.auth.control;
