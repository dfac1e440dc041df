/** The JSON provider every feature builds documents with. */
package com.mediahub.platform.json;
