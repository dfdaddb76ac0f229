package dev.vigil.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import dev.vigil.base.Problems;

/**
 * A request the firewall refuses (an encoded slash, percent or NUL, a semicolon in the path) gets its 400
 * problem body right here on the API and link paths. Spring Security's own handler sends a bare 400 that
 * Tomcat forwards to {@code /error}; that forward passes the same firewall, fails again, and the client
 * got Tomcat's HTML page (or a redirect to the login page) instead of a problem body.
 */
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private final RequestRejectedHandler others = new HttpStatusRequestRejectedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!Problems.answersWithProblems(path)) {
            others.handle(request, response, e);
            return;
        }
        Problems.write(request, response, Problems.malformed(e.getMessage()));
    }
}
