/** What the features need to know about a client's network address: which network to count it under. */
package com.mediahub.platform.net;
