package com.mediahub.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The route list read from JAX-RS annotations, as the access rules, the metrics and the OpenAPI test use it. */
class RoutesTest {

    @Path("things")
    static final class Things {
        @GET
        public String list() {
            return "";
        }

        @GET
        @Path("{id}")
        public String one() {
            return "";
        }

        @GET
        @Path("mine/")
        public String mine() {
            return "";
        }
    }

    @Path("/things/")
    static final class MoreThings {
        @GET
        public String alsoList() {
            return "";
        }
    }

    @Test
    void templatesSitUnderTheApplicationPathWithoutTrailingSlashes() {
        List<String> routes = Routes.of(List.of(Things.class, String.class)).all().stream().map(Route::toString).toList();
        assertEquals(List.of("GET /api/things", "GET /api/things/mine", "GET /api/things/{id}"), routes);
    }

    @Test
    void literalRoutesComeBeforeTemplatesAndParametersMatchOneSegment() {
        Routes routes = Routes.of(List.of(Things.class));
        assertEquals("GET /api/things/mine", routes.matching("/api/things/mine").get(0).toString());
        assertEquals(List.of("GET /api/things/{id}"), routes.matching("/api/things/7").stream().map(Route::toString).toList());
        assertTrue(routes.matching("/api/things/7/8").isEmpty());
        assertTrue(routes.matching("/api/things//").size() <= 1, "an empty segment is no parameter value");
    }

    @Test
    void twoMethodsOnOneRouteStopTheApplication() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Routes.of(List.of(Things.class, MoreThings.class)));
        assertTrue(refused.getMessage().contains("GET /api/things"), refused.getMessage());
    }

    @Test
    void theApplicationsOwnRoutesAreUnique() {
        assertEquals(36, ResourceClasses.routes().all().size(), ResourceClasses.routes().all().toString());
    }
}
