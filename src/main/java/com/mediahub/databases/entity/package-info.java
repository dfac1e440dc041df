/** The database aggregate: {@code databases} and their {@code entries}, and its JPA repository. */
package com.mediahub.databases.entity;
