package com.mediahub.platform.rest;

import java.util.Map;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All resources live under {@code /api}; providers and resources are discovered by annotation. */
@ApplicationPath("/api")
public class MediaHubApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Jersey would answer OPTIONS with a generated WADL (XML); other runtimes ignore the key.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
