package com.mediahub.platform.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses request bodies over {@value #MAX_BYTES} bytes with 413, whether the size is declared
 * (Content-Length) or only discovered while streaming (chunked). A declared oversize body of
 * moderate size is read and discarded first: many clients only read the response once they
 * have sent the whole request, and would otherwise wait forever for the 413.
 */
@Provider
@PreMatching
@Priority(Priorities.ENTITY_CODER)
public class RequestSizeLimitFilter implements ContainerRequestFilter {

    public static final int MAX_BYTES = 64 * 1024;
    /** Larger declared bodies are not drained; the response asks for the connection to close. */
    static final int MAX_DRAINED_BYTES = 4 * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            if (request.getLength() <= MAX_DRAINED_BYTES) {
                drain(request.getEntityStream());
            }
            throw new ApiException(ErrorCatalogue.PAYLOAD_TOO_LARGE);
        }
        // Decided from the headers: CXF's hasEntity() reads and buffers the whole body first, which
        // defeats this limit and, with a stalled body, waits for the read timeout twice.
        if (request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream()));
        }
    }

    private static void drain(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException clientWentAway) {
            // nothing to drain any more
        }
    }

    /** Counts what is read and fails once the limit is passed. */
    private static final class LimitedInputStream extends InputStream {
        private final InputStream delegate;
        private long count;

        LimitedInputStream(InputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > MAX_BYTES) {
                if (count <= MAX_DRAINED_BYTES) {
                    drain(delegate);
                }
                throw new ApiException(ErrorCatalogue.PAYLOAD_TOO_LARGE);
            }
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
