/**
 * The authentication mechanism and what it decides before any credential is checked: the
 * request screen (odd paths, duplicate headers, non-JSON bodies), cross-site Basic, the
 * Authorization header parser, the challenges, and the access rules read from the resources
 * annotations. Extraction only: passwords are checked by the password room, tokens by the
 * token room.
 */
package com.mediahub.auth.mechanism;
