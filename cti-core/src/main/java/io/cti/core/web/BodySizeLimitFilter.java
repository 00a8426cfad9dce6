package io.cti.core.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request bodies over a limit with 413 and the API's own refusal body before anything parses them: at
 * once when the declared length is too large, and for bodies of unknown length (chunked) by reading at most one
 * byte past the limit and replaying what was read; immutable once built, so thread-safe.
 */
public final class BodySizeLimitFilter extends OncePerRequestFilter {

    /** The limit the platform's JSON APIs share: every customer or definition they accept is well under it. */
    public static final int LIMIT_BYTES = 64 * 1024;

    private final int limitBytes;
    private final byte[] refusal;

    /**
     * A filter refusing bodies over {@code limitBytes} with {@code refusal} (such as {@code payload-too-large}),
     * written by {@code json} once, here.
     */
    public BodySizeLimitFilter(int limitBytes, ApiError refusal, JsonMapper json) {
        if (limitBytes < 0) {
            throw new IllegalArgumentException("a body size limit cannot be negative: " + limitBytes);
        }
        this.limitBytes = limitBytes;
        this.refusal = json.writeValueAsBytes(refusal);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limitBytes) {
            refuse(response);
            return;
        }
        if (declared >= 0) {
            // The container never hands out more than the declared length, so the body is within the limit.
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(limitBytes + 1);
        if (body.length > limitBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(refusal.length);
        response.getOutputStream().write(refusal);
    }

    /** The request with its body already read into memory. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BytesInputStream(body);
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /** A servlet input stream over bytes in memory; reading never blocks. */
    private static final class BytesInputStream extends ServletInputStream {
        private final ByteArrayInputStream bytes;

        BytesInputStream(byte[] body) {
            this.bytes = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the platform's REST APIs read request bodies synchronously");
        }
    }
}
