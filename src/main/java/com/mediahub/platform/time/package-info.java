/**
 * Time: the injectable {@link java.time.Clock} that every time decision reads, and answers
 * remembered for a while on that clock.
 */
package com.mediahub.platform.time;
