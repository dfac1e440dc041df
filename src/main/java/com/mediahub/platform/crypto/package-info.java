/** Random opaque values and their SHA-256 digests, shared by sessions, cookies and the login throttle. */
package com.mediahub.platform.crypto;
