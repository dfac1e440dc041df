package com.mediahub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import com.mediahub.downstream.DownstreamApplication;
import com.mediahub.downstream.WhoAmIResource;

/**
 * A second Payara Micro running the test-only downstream WAR (package com.mediahub.downstream),
 * configured the way docs/key-rotation.md tells other teams to: MicroProfile Config keys
 * {@code mp.jwt.verify.publickey.location} (our JWKS), {@code mp.jwt.verify.issuer} and
 * {@code mp.jwt.verify.audiences}, here given as system properties.
 */
final class DownstreamService implements AutoCloseable {

    private final int port = ItEnvironment.freePort();
    private final Path log = ItEnvironment.target().resolve("it/downstream.log");
    private final Process process;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    DownstreamService(String jwksUrl, String issuer, String audience) {
        Path war = ItEnvironment.target().resolve("it/downstream.war");
        try {
            Files.createDirectories(war.getParent());
            ShrinkWrap.create(WebArchive.class, "downstream.war")
                    .addClasses(DownstreamApplication.class, WhoAmIResource.class)
                    .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                            + "version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml")
                    .as(ZipExporter.class).exportTo(war.toFile(), true);
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dmp.jwt.verify.publickey.location=" + jwksUrl,
                    "-Dmp.jwt.verify.issuer=" + issuer,
                    "-Dmp.jwt.verify.audiences=" + audience,
                    "-jar", System.getProperty("payara.microJar"),
                    "--nohazelcast", "--disablephonehome", "--port", Integer.toString(port),
                    "--prebootcommandfile", ItEnvironment.basedir().resolve("server-config/payara/preboot.asadmin").toString(),
                    "--deploy", war.toString(), "--contextroot", "/");
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plusSeconds(180);
        while (call(null).statusCode() != 401) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("The downstream service did not start; see " + log);
            }
            sleep(500);
        }
    }

    /** GET /api/whoami with {@code Authorization: Bearer token} (none when null); status 0 = not up yet. */
    HttpResponse<String> call(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/whoami"))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new NotUp();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer of a server that is not listening yet. */
    private static final class NotUp implements HttpResponse<String> {
        @Override public int statusCode() { return 0; }
        @Override public HttpRequest request() { return null; }
        @Override public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        @Override public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true); }
        @Override public String body() { return ""; }
        @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        @Override public URI uri() { return null; }
        @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
