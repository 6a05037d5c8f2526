package dk.platform.support;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestSizeLimitTest {

    final RequestSizeLimit filter = new RequestSizeLimit(10, Map.of("/api/runs", 100L, "/api/runs/big", 1000L));

    @Test
    void theLongestMatchingPathPrefixDecidesTheLimit() {
        assertThat(filter.limitFor("/api/accounts")).isEqualTo(10);
        assertThat(filter.limitFor("/api/runs/1")).isEqualTo(100);
        assertThat(filter.limitFor("/api/runs/big/1")).isEqualTo(1000);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWith413BeforeTheBodyIsRead() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/accounts");
        request.setContent(new byte[11]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("larger than the 10 bytes accepted here");
        assertThat(chain.getRequest()).as("the application never saw it").isNull();
    }

    @Test
    void aBodyWithoutALengthIsCutOffWhenItPassesTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/accounts") {
            @Override
            public long getContentLengthLong() {
                return -1; // chunked
            }
        };
        request.setContent(new byte[50]);
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThatThrownBy(() -> chain.getRequest().getInputStream().readAllBytes())
                .isInstanceOf(RequestSizeLimit.TooLarge.class);
    }
}
