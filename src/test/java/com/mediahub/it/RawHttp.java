package com.mediahub.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * HTTP/1.1 written by hand, for what a client library will not send: a chosen source address on
 * the loopback network (127.0.0.x, to be several clients), repeated headers, paths the library
 * would normalise, and bodies that arrive late or never.
 */
public final class RawHttp {

    private final String host;
    private final int port;
    private final String contextPath;

    /** @param base the application's root URL, e.g. {@code http://127.0.0.1:8080/mediahub/} */
    public RawHttp(URL base) {
        this.host = base.getHost();
        this.port = base.getPort();
        String path = base.getPath();
        this.contextPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A response as read until the server closed the connection (every request says Connection: close). */
    public record Response(int status, String head, String body, Duration took) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return status + " after " + took.toMillis() + " ms: " + head.replace("\r\n", " | ") + " || " + body;
        }
    }

    /**
     * Sends {@code method path} (below the context path) with the given header lines and body,
     * from {@code sourceAddress} (null: any).
     */
    public Response send(String sourceAddress, String method, String path, String body, String... headerLines) {
        StringBuilder request = new StringBuilder(method).append(' ').append(contextPath).append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\nConnection: close\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        request.append("\r\n");
        return exchange(sourceAddress, request.toString().getBytes(StandardCharsets.UTF_8), bytes, Duration.ofSeconds(60));
    }

    /**
     * Declares a body of {@code declaredLength} bytes, sends only {@code sentPart} of it and then
     * waits for the server's answer (at most {@code wait}).
     */
    public Response sendIncompleteBody(String method, String path, int declaredLength, String sentPart, Duration wait,
                                       String... headerLines) {
        StringBuilder request = new StringBuilder(method).append(' ').append(contextPath).append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\nConnection: close\r\n")
                .append("Content-Length: ").append(declaredLength).append("\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("\r\n");
        return exchange(null, request.toString().getBytes(StandardCharsets.UTF_8), sentPart.getBytes(StandardCharsets.UTF_8), wait);
    }

    private Response exchange(String sourceAddress, byte[] head, byte[] body, Duration timeout) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            if (sourceAddress != null) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
            }
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            byte[] response = readAll(socket.getInputStream());
            return parse(new String(response, StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - started));
        } catch (SocketTimeoutException noAnswer) {
            return new Response(0, "", "no answer within " + timeout, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(method(head), e);
        }
    }

    private static String method(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        return text.substring(0, Math.max(0, text.indexOf("\r\n")));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // the server may reset after answering; what arrived counts
        }
        return out.toByteArray();
    }

    private static Response parse(String text, Duration took) {
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        int status = 0;
        if (head.startsWith("HTTP/1.")) {
            status = Integer.parseInt(head.substring(9, 12));
        }
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Response(status, head, body, took);
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", i);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(i, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            i = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
