package dev.vigil.base;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers Tomcat's forward to {@code /error} with a problem body when the failed request was for
 * {@code /api/**}, {@code /v2/**} or {@code /a/**}: errors raised outside Spring MVC (a filter, a
 * {@code sendError}) otherwise got Boot's plain JSON, or, when the forward itself failed in the security
 * filters that run again on it, Tomcat's HTML page. The status is the one the error was raised with.
 */
class ErrorPageProblemFilter extends OncePerRequestFilter {


    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String path = uri instanceof String s ? s.substring(Math.min(s.length(), request.getContextPath().length())) : "";
        if (!Problems.answersWithProblems(path) || response.isCommitted()) {
            chain.doFilter(request, response);
            return;
        }
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.resolve(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is5xxServerError()
                ? "Vigil could not complete the request; the error has been logged"
                : "The request was refused: " + status.getReasonPhrase();
        response.resetBuffer();
        Problems.write(new OriginalPath(request, (String) uri), response,
                Problems.of(status, status.getReasonPhrase(), detail));
    }

    /** The error dispatch's request, naming the path that failed rather than {@code /error}. */
    private static final class OriginalPath extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final String uri;

        OriginalPath(HttpServletRequest request, String uri) {
            super(request);
            this.uri = uri;
        }

        @Override
        public String getRequestURI() {
            return uri;
        }
    }
}
