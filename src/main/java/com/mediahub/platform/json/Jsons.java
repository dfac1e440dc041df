package com.mediahub.platform.json;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code Jsons.PROVIDER.createObjectBuilder()} and friends look
 * the provider up with a ServiceLoader on EVERY call, which scans the class path: profiling the
 * public endpoint showed a fifth of its CPU time there. Looking it up once is safe: a provider
 * is stateless and thread-safe.
 */
public final class Jsons {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }
}
