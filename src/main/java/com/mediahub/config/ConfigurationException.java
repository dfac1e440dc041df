package com.mediahub.config;

/** A configuration problem that must stop startup; the message says what to fix and where. */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
