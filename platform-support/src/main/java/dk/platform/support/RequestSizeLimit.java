package dk.platform.support;

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

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bounds request bodies: {@code platform.request.max-bytes} (default 1 MiB) for every path, or a
 * larger limit for the paths that take files ({@code platform.request.limits.<path-prefix>}, the
 * longest matching prefix wins). A body declared larger is refused at once with 413
 * problem+json; a body that turns out larger while it is read (chunked, no length) fails with
 * {@link TooLarge}, which the problem handler answers with 413. Nothing is stored either way.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

    private final long defaultLimit;
    private final TreeMap<String, Long> limits;

    public RequestSizeLimit(long defaultLimit, Map<String, Long> limits) {
        this.defaultLimit = defaultLimit;
        this.limits = new TreeMap<>(limits);
    }

    long limitFor(String path) {
        long limit = defaultLimit;
        int matched = -1;
        for (Map.Entry<String, Long> entry : limits.entrySet()) {
            if (path.startsWith(entry.getKey()) && entry.getKey().length() > matched) {
                matched = entry.getKey().length();
                limit = entry.getValue();
            }
        }
        return limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getRequestURI());
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                    + "\"detail\":\"" + TooLarge.detail(limit) + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "")
                    + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    /** A request body longer than the limit for its path. */
    public static final class TooLarge extends IOException {
        public TooLarge(long limit) {
            super(detail(limit));
        }

        static String detail(long limit) {
            return "the request body is larger than the " + limit + " bytes accepted here";
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > limit) {
                            throw new TooLarge(limit);
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
                };
            }
            return stream;
        }
    }
}
