package com.mediahub.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All resources live under {@code /api}; providers and resources are discovered by annotation. */
@ApplicationPath("/api")
public class MediaHubApplication extends Application {
}
