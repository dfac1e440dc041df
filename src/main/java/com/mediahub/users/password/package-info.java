/**
 * Password hashing: bcrypt (at.favre) at the configured cost, and the gate that bounds how many
 * hashes run at once so that a burst of logins cannot take every core.
 */
package com.mediahub.users.password;
