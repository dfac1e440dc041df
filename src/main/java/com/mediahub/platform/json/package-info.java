/** Reading JSON request bodies with exact types, and validating them with Bean Validation. */
package com.mediahub.platform.json;
