/** Password sign-in: the identity store, the login throttle and the Basic credential cache. */
package com.mediahub.auth.password;
