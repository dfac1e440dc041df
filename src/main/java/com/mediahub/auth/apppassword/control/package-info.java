/**
 * App-password logic: {@link com.mediahub.auth.apppassword.control.AppPasswordFormat} makes and
 * recognises the values, {@link com.mediahub.auth.apppassword.control.AppPasswordCheck} verifies
 * one on a Basic request (SHA-256 and a cached row, no bcrypt),
 * {@link com.mediahub.auth.apppassword.control.AppPasswordAccount} is what users and admins do,
 * {@link com.mediahub.auth.apppassword.control.AppPasswordRevocations} what else ends them.
 */
package com.mediahub.auth.apppassword.control;
