/** The user aggregate: the {@code users} table, roles, and its JPA repository. */
package com.mediahub.users.entity;
