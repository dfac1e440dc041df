package com.mediahub.auth.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.mediahub.platform.rest.ResourceClasses;
import com.mediahub.platform.rest.Route;
import com.mediahub.platform.rest.Routes;

/**
 * The mechanism's access decisions, from the real resource classes' annotations (the same
 * reading the deployed application does at startup): changing an annotation changes a row here.
 */
class AccessRulesTest {

    private static final Routes ROUTES = ResourceClasses.routes();
    private static final AccessRules RULES = AccessRules.of(ROUTES);

    @ParameterizedTest
    @CsvSource({
            "GET, /api/health, PUBLIC",
            "HEAD, /api/health, PUBLIC",
            "GET, /api/info, PUBLIC",
            "GET, /api/info/, PUBLIC",
            "POST, /api/token/refresh, PUBLIC",
            "GET, /api/token/refresh, PUBLIC",
            "POST, /api/token, BASIC_ONLY",
            "POST, /api/token/, BASIC_ONLY",
            "GET, /api/token, BASIC_ONLY",
            "POST, /api/logout, PROTECTED",
            "GET, /api/users/me, PROTECTED",
            "GET, /api/users, PROTECTED",
            "POST, /api/users, PROTECTED",
            "DELETE, /api/users, PROTECTED",
            "PUT, /api/users/7/password, PROTECTED",
            "GET, /api/databases/1/entries, PROTECTED",
            "POST, /api/entry, PROTECTED",
            "GET, /api/metrics, PROTECTED",
            "GET, /api/anything-new, PROTECTED",
            "GET, /api, PROTECTED",
            "GET, /api/healthz, PROTECTED",
            "GET, /api/health/x, PROTECTED",
            "GET, /index.html, PUBLIC",
            "GET, /, PUBLIC",
            "GET, /apix, PUBLIC",
            "GET, /.well-known/jwks.json, PUBLIC",
    })
    void denyByDefaultUnderApi(String method, String path, EndpointAccess expected) {
        assertEquals(expected, RULES.of(method, path), method + " " + path);
    }

    @Test
    void onlyTheSignUpIsOpenToAnonymousCallersWhenRegistrationIsOpen() {
        assertTrue(RULES.isSelfRegistration("POST", "/api/users"));
        assertTrue(RULES.isSelfRegistration("POST", "/api/users/"));
        assertFalse(RULES.isSelfRegistration("GET", "/api/users"));
        assertFalse(RULES.isSelfRegistration("POST", "/api/databases"));
        assertFalse(RULES.isSelfRegistration("POST", "/api/token"));
    }

    /** The whole table, so that a route becoming public is a visible change in review. */
    @Test
    void everyRouteHasTheAccessItHadWhenThisTestWasWritten() {
        Map<String, EndpointAccess> table = new TreeMap<>();
        for (Route route : ROUTES.all()) {
            table.put(route.toString(), RULES.of(route.httpMethod(), route.template().replace("{id}", "1").replace("{userId}", "1")));
        }
        Map<String, EndpointAccess> expected = new TreeMap<>();
        for (String open : List.of("GET /api/health", "GET /api/info", "POST /api/token/refresh")) {
            expected.put(open, EndpointAccess.PUBLIC);
        }
        expected.put("POST /api/token", EndpointAccess.BASIC_ONLY);
        for (String closed : List.of("POST /api/logout", "POST /api/logout-all", "GET /api/sessions", "DELETE /api/sessions/{id}",
                "GET /api/databases", "POST /api/databases", "GET /api/databases/{id}", "DELETE /api/databases/{id}",
                "GET /api/databases/{id}/entries", "POST /api/entry", "GET /api/users/me", "GET /api/users", "POST /api/users",
                "PUT /api/users/{id}/password", "DELETE /api/users/{id}", "GET /api/metrics",
                "PATCH /api/databases/{id}", "GET /api/entry/{id}", "PATCH /api/entry/{id}", "DELETE /api/entry/{id}",
                "GET /api/users/{userId}/sessions", "DELETE /api/users/{userId}/sessions",
                "POST /api/users/me/totp", "POST /api/users/me/totp/confirm", "DELETE /api/users/me/totp",
                "POST /api/users/me/recovery-codes", "DELETE /api/users/{userId}/totp",
                "GET /api/users/me/app-passwords", "POST /api/users/me/app-passwords", "DELETE /api/users/me/app-passwords/{id}",
                "GET /api/users/{userId}/app-passwords", "DELETE /api/users/{userId}/app-passwords/{id}")) {
            expected.put(closed, EndpointAccess.PROTECTED);
        }
        assertEquals(expected, table);
    }

    /** Where app passwords are refused: the whole table, so that a change is visible in review. */
    @Test
    void accountSecurityIsCredentialsSessionsAndUsersAndNothingElse() {
        Set<String> accountSecurity = new TreeSet<>();
        for (Route route : ROUTES.all()) {
            if (RULES.isAccountSecurity(route.httpMethod(), route.template().replace("{id}", "1").replace("{userId}", "1"))) {
                accountSecurity.add(route.toString());
            }
        }
        assertEquals(new TreeSet<>(List.of("PUT /api/users/{id}/password", "POST /api/users", "DELETE /api/users/{id}",
                "GET /api/sessions", "DELETE /api/sessions/{id}", "POST /api/logout-all", "POST /api/logout",
                "GET /api/users/{userId}/sessions", "DELETE /api/users/{userId}/sessions",
                "POST /api/users/me/totp", "POST /api/users/me/totp/confirm", "DELETE /api/users/me/totp",
                "POST /api/users/me/recovery-codes", "DELETE /api/users/{userId}/totp",
                "GET /api/users/me/app-passwords", "POST /api/users/me/app-passwords", "DELETE /api/users/me/app-passwords/{id}",
                "GET /api/users/{userId}/app-passwords", "DELETE /api/users/{userId}/app-passwords/{id}")), accountSecurity);
        assertFalse(RULES.isAccountSecurity("GET", "/api/users/me"));
        assertFalse(RULES.isAccountSecurity("GET", "/api/users/me/app-passwords/x/y"), "no route: not account security");
        assertTrue(RULES.isAccountSecurity("HEAD", "/api/users/me/app-passwords"), "HEAD runs the GET method");
        assertTrue(RULES.isAccountSecurity("HEAD", "/api/users/5/app-passwords"));
        assertTrue(RULES.isAccountSecurity("OPTIONS", "/api/users/me/app-passwords"), "a method without a route: denied");
        assertTrue(RULES.isAccountSecurity("PATCH", "/api/users/me/totp"));
        assertTrue(RULES.isAccountSecurity("GET", "/api/users/me/app-passwords/"), "a trailing slash");
        assertFalse(RULES.isAccountSecurity("HEAD", "/api/databases"));
        assertFalse(RULES.isAccountSecurity("GET", "/api/metrics"), "monitoring scripts may read the metrics");
    }
}
