package com.mediahub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The side-by-side chart of a peer run: both products' bars per shared scenario, and the ratio. */
class BenchmarkReportTest {

    private static BenchmarkReport.Row row(String scenario, double rps, long errors) {
        return new BenchmarkReport.Row(scenario, 8, rps, 1, 2, errors);
    }

    @Test
    void eachScenarioBothRanGetsTwoBarsAndMediaHubsRatio() {
        Map<String, BenchmarkReport.Row> ours = Map.of("refresh", row("refresh", 900, 0), "bearer", row("bearer", 5000, 0),
                "basic", row("basic", 7, 0));
        Map<String, BenchmarkReport.Row> keycloak = Map.of("refresh", row("refresh", 300, 0), "bearer", row("bearer", 4000, 0),
                "login", row("login", 40, 0));

        String svg = BenchmarkReport.sideBySide(ours, keycloak);

        assertTrue(svg.contains(">3.00×<"), svg);
        assertTrue(svg.contains(">1.25×<"), svg);
        assertTrue(svg.contains(">refresh (rotation)<") && svg.contains(">Bearer check<"), svg);
        assertFalse(svg.contains("password login"), "login ran on one side only: " + svg);
        Matcher bars = Pattern.compile("<rect x=\"150\"").matcher(svg);
        int count = 0;
        while (bars.find()) {
            count++;
        }
        assertEquals(4, count, svg);
    }

    @Test
    void aScenarioWithErrorsIsDrawnRed() {
        String svg = BenchmarkReport.sideBySide(Map.of("refresh", row("refresh", 900, 3)), Map.of("refresh", row("refresh", 300, 0)));
        assertTrue(svg.contains("fill=\"#c0392b\""), svg);
        assertTrue(svg.contains("fill=\"#95a5a6\""), svg);
    }
}
