/**
 * The browser side: the single-page app in {@code src/main/webapp} (served at the context root)
 * and the response headers that keep it safe to serve. The app talks to the API only in cookie
 * mode, so no token is ever readable by its JavaScript.
 */
package com.mediahub.web;
