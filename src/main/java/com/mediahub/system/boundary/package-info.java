/** Public health and info endpoints. */
package com.mediahub.system.boundary;
