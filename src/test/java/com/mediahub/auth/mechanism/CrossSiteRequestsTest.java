package com.mediahub.auth.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Review item 5: a Basic request made by another site's page is recognised. */
class CrossSiteRequestsTest {

    @ParameterizedTest
    @CsvSource(value = {
            "cross-site,NONE,api.example.com,true", "same-site,NONE,api.example.com,true",
            "same-origin,NONE,api.example.com,false", "none,NONE,api.example.com,false",
            "NONE,https://evil.example,api.example.com,true", "NONE,null,api.example.com,true",
            "NONE,https://api.example.com,api.example.com,false", "NONE,http://localhost:8080,localhost:8080,false",
            "NONE,http://localhost:9999,localhost:8080,true", "NONE,NONE,api.example.com,false",
            "cross-site,https://api.example.com,api.example.com,true"})
    void item05_crossSiteByFetchMetadataElseByOrigin(String site, String origin, String host, boolean crossSite) {
        Map<String, List<String>> headers = new HashMap<>();
        if (!site.equals("NONE")) {
            headers.put("Sec-Fetch-Site", List.of(site));
        }
        if (!origin.equals("NONE")) {
            headers.put("Origin", List.of(origin));
        }
        headers.put("Host", List.of(host));
        assertEquals(crossSite, CrossSiteRequests.isCrossSite(RequestScreenTest.request("POST", headers, 0)),
                site + " / " + origin + " / " + host);
    }
}
