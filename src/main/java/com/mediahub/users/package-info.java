/** User accounts: boundary (HTTP), control (rules, first admin), entity (table, repository). */
package com.mediahub.users;
