/**
 * What the users feature announces, as CDI events: authentication observes them to revoke
 * sessions and forget cached token versions, without users depending on authentication.
 */
package com.mediahub.users.events;
