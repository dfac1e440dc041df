/** HTTP endpoints for databases and entries. */
package com.mediahub.databases.boundary;
