/** Time: the injectable {@link java.time.Clock} that every time decision reads. */
package com.mediahub.platform.time;
