/** HTTP endpoints for user accounts. */
package com.mediahub.users.boundary;
