/** Service endpoints for operators and clients: health and info. */
package com.mediahub.system;
