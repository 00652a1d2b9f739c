package org.worldwire.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * HTTP as clients expect it, below the routes: {@code HEAD} answers like {@code GET} on every route (RFC 9110 §9.3.2:
 * the same status and headers, no body), and the live stream serves events whatever the {@code Accept} header says
 * (a browser's EventSource sends {@code text/event-stream}; curl, proxies and many clients send nothing or
 * {@code *}{@code /*}).
 */
final class HttpFilters {
    private HttpFilters() {}

    /** Routes a {@code HEAD} request as the {@code GET} it mirrors; the server then drops the body it writes. */
    static final class HeadAsGet implements Filter {
        private final String streamPath;

        HeadAsGet(String streamPath) {
            this.streamPath = streamPath;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request instanceof HttpServletRequest http && "HEAD".equals(http.getMethod())) {
                if (streamPath.equals(http.getRequestURI())) {
                    // an event stream never ends, so a HEAD of it answers with the stream's headers at once
                    HttpServletResponse res = (HttpServletResponse) response;
                    res.setStatus(200);
                    res.setContentType("text/event-stream;charset=utf-8");
                    res.setHeader("Cache-Control", "no-cache");
                    return;
                }
                chain.doFilter(new HttpServletRequestWrapper(http) {
                    @Override
                    public String getMethod() {
                        return "GET";
                    }
                }, response);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** Tells the stream's handler that the client accepts an event stream, which is what it asked for by its path. */
    static final class EventStreamAccepted implements Filter {
        private static final String EVENT_STREAM = "text/event-stream";

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (!(request instanceof HttpServletRequest http) || EVENT_STREAM.equals(http.getHeader("Accept"))) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public String getHeader(String name) {
                    return "Accept".equalsIgnoreCase(name) ? EVENT_STREAM : super.getHeader(name);
                }

                @Override
                public Enumeration<String> getHeaders(String name) {
                    return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(EVENT_STREAM))
                            : super.getHeaders(name);
                }
            }, response);
        }
    }
}
