package io.cti.core.web;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodySizeLimitFilterTest {

    private static final int LIMIT = 16;
    private static final ApiError REFUSAL = ApiError.of("payload-too-large", "the request body is larger than 16 bytes");

    private final BodySizeLimitFilter filter = new BodySizeLimitFilter(LIMIT, REFUSAL, JsonMapper.builder().build());

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWith413AndTheRefusalBodyWithoutReadingIt() throws Exception {
        MockHttpServletRequest request = post("x".repeat(LIMIT + 1));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString()).isEqualTo(
                "{\"error\":\"payload-too-large\",\"message\":\"the request body is larger than 16 bytes\",\"fieldErrors\":[]}");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aDeclaredLengthAtTheLimitIsPassedOnUntouched() throws Exception {
        MockHttpServletRequest request = post("x".repeat(LIMIT));
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void aBodyOfUnknownLengthOverTheLimitIsRefused() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(chunked("y".repeat(LIMIT + 1)), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aBodyOfUnknownLengthWithinTheLimitIsReplayedWhole() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(chunked("{\"a\": \"é\"}"), new MockHttpServletResponse(), chain);

        ServletRequest passedOn = chain.getRequest();
        assertThat(passedOn.getContentLengthLong()).isEqualTo("{\"a\": \"é\"}".getBytes(StandardCharsets.UTF_8).length);
        assertThat(passedOn.getReader().readLine()).isEqualTo("{\"a\": \"é\"}");
    }

    @Test
    void aNegativeLimitIsRefused() {
        assertThatThrownBy(() -> new BodySizeLimitFilter(-1, REFUSAL, JsonMapper.builder().build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static MockHttpServletRequest post(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** A request whose length is not declared, as with chunked transfer encoding. */
    private static MockHttpServletRequest chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public ServletInputStream getInputStream() {
                return new DelegatingServletInputStream(new ByteArrayInputStream(bytes));
            }
        };
        request.setCharacterEncoding("UTF-8");
        return request;
    }
}
