package com.mediahub.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointAccessTest {

    @ParameterizedTest
    @CsvSource({
            "/api/health, PUBLIC",
            "/api/info, PUBLIC",
            "/api/info/, PUBLIC",
            "/api/token/refresh, PUBLIC",
            "/api/token, BASIC_ONLY",
            "/api/token/, BASIC_ONLY",
            "/api/logout, PROTECTED",
            "/api/users/me, PROTECTED",
            "/api/users, PROTECTED",
            "/api/databases/1/entries, PROTECTED",
            "/api/entry, PROTECTED",
            "/api/anything-new, PROTECTED",
            "/api, PROTECTED",
            "/api/healthz, PROTECTED",
            "/index.html, PUBLIC",
            "/, PUBLIC",
            "/apix, PUBLIC",
    })
    void denyByDefaultUnderApi(String path, EndpointAccess expected) {
        assertEquals(expected, EndpointAccess.of(path), path);
    }
}
