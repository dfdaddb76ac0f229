package dev.vigil.base;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit of their path family with 413 and a problem body naming the
 * limit. A declared Content-Length over the limit is refused before anything is read; a streamed body
 * (chunked, no Content-Length) is counted as it is read and refused the moment it passes the limit.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final RequestLimitProperties limits;

    BodySizeLimitFilter(RequestLimitProperties limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DataSize limit = limits.bodyLimitFor(request.getRequestURI().substring(request.getContextPath().length()));
        if (limit == null) {
            chain.doFilter(request, response);
            return;
        }
        long max = limit.toBytes();
        if (request.getContentLengthLong() > max) {
            refuse(request, response, max);
            return;
        }
        try {
            chain.doFilter(new Limited(request, max), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // Whoever read the body let the overrun escape; it is still the client's 413, not a 500.
            BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
            if (tooLarge == null || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            refuse(request, response, tooLarge.limit());
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long max) throws IOException {
        // The rest of the body is not wanted: closing spares the server from reading it to reuse the connection.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        Problems.write(request, response, BodyTooLargeException.problem(max));
    }

    /** The request with its body stream counted against the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), max);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
        }

        private Charset charset() {
            String name = getCharacterEncoding();
            try {
                return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return StandardCharsets.ISO_8859_1;
            }
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long max;
        private long count;

        CountingStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws BodyTooLargeException {
            count += n;
            if (count > max) {
                throw new BodyTooLargeException(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
