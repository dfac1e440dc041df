/** Users' media databases and their entries: the protected resources of contract 3.6. */
package com.mediahub.databases;
