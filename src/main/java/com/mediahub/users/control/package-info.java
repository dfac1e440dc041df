/** User account rules: creation and deletion, the self-or-admin policy, the first admin. */
package com.mediahub.users.control;
