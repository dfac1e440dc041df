/** Facts about the running service: database reachability, version, uptime. */
package com.mediahub.system.control;
