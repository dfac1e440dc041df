/** Rules for databases and entries: validation and the owner-or-admin policy. */
package com.mediahub.databases.control;
