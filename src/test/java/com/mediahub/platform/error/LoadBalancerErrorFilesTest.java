package com.mediahub.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * HAProxy's own answers (server-config/cluster/errors, used by haproxy.cfg.template) speak the
 * API's error format with texts from this catalogue: a client behind the load balancer sees the
 * same JSON 400, 408 and 503 as from an instance, never an HTML page.
 */
class LoadBalancerErrorFilesTest {

    private static final Path CLUSTER = Path.of("server-config/cluster");
    private static final Pattern ERRORFILE = Pattern.compile("errorfile (\\d{3}) @ERRORS@/([a-z-]+\\.http)");

    /** Which catalogue entry each file is, whatever HAProxy status it stands in for. */
    private static final Map<String, ErrorCatalogue> FILES = Map.of(
            "malformed.http", ErrorCatalogue.BAD_REQUEST,
            "invalid-path.http", ErrorCatalogue.INVALID_PATH,
            "request-timeout.http", ErrorCatalogue.REQUEST_TIMEOUT,
            "internal-error.http", ErrorCatalogue.INTERNAL_ERROR,
            "unavailable.http", ErrorCatalogue.SERVICE_UNAVAILABLE);

    @Test
    void everyErrorFileIsAWholeHttpResponseWithTheCataloguesJson() throws IOException {
        try (Stream<Path> files = Files.list(CLUSTER.resolve("errors"))) {
            List<Path> all = files.toList();
            assertEquals(FILES.size(), all.size(), "files: " + all);
            for (Path file : all) {
                ErrorCatalogue expected = FILES.get(file.getFileName().toString());
                assertTrue(expected != null, "no catalogue entry for " + file);
                String response = Files.readString(file, StandardCharsets.UTF_8);
                int split = response.indexOf("\r\n\r\n");
                assertTrue(split > 0, file + ": head and body are separated by CRLF CRLF: " + response);
                String head = response.substring(0, split);
                String body = response.substring(split + 4);
                assertFalse(head.replace("\r\n", "").contains("\n"), file + ": every head line ends in CRLF: " + head);
                assertTrue(head.startsWith("HTTP/1.1 " + expected.status() + " "), file + ": " + head);
                assertTrue(head.contains("\r\nContent-Type: application/json\r\n"), file + ": " + head);
                assertTrue(head.contains("\r\nCache-Control: no-store\r\n"), file + ": " + head);
                assertTrue(head.contains("\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n")
                        || head.endsWith("\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length), file + ": " + head);
                JsonObject json = Json.createReader(new StringReader(body)).readObject();
                assertEquals(Map.of("error", Json.createValue(expected.message())), json, file + ": " + body);
            }
        }
    }

    @Test
    void theTemplateAnswersTheStatusesHaproxyMakesWithTheRightFile() throws IOException {
        String template = Files.readString(CLUSTER.resolve("haproxy.cfg.template"));
        Matcher errorfile = ERRORFILE.matcher(template);
        Map<String, String> fileByStatus = new java.util.HashMap<>();
        while (errorfile.find()) {
            fileByStatus.put(errorfile.group(1), errorfile.group(2));
        }
        // 501 is HAProxy's answer to a transfer coding it does not know: a malformed request to us
        assertEquals(Map.of("400", "malformed.http", "408", "request-timeout.http", "500", "internal-error.http",
                "501", "malformed.http", "502", "unavailable.http", "503", "unavailable.http", "504", "unavailable.http"),
                fileByStatus, template);
        assertTrue(template.contains("http-request deny deny_status 400 errorfile @ERRORS@/invalid-path.http if"), template);
        // an unavailable answer tells the client when to try again, as an instance's busy 503 does
        assertTrue(Files.readString(CLUSTER.resolve("errors/unavailable.http")).contains("\r\nRetry-After: 1\r\n"));
    }
}
