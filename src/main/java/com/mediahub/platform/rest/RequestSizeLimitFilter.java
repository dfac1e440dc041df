package com.mediahub.platform.rest;

import java.io.IOException;
import java.io.InputStream;

import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses request bodies over {@value #MAX_BYTES} bytes with 413 before anything reads them,
 * whether the size is declared (Content-Length) or only discovered while streaming (chunked).
 */
@Provider
@PreMatching
@Priority(Priorities.ENTITY_CODER)
public class RequestSizeLimitFilter implements ContainerRequestFilter {

    static final int MAX_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            throw new ApiException(ErrorCatalogue.PAYLOAD_TOO_LARGE);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream()));
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
                throw new ApiException(ErrorCatalogue.PAYLOAD_TOO_LARGE);
            }
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
