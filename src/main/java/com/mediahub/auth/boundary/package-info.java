/** HTTP endpoints of the token life cycle: issue, refresh (rotation), logout. */
package com.mediahub.auth.boundary;
