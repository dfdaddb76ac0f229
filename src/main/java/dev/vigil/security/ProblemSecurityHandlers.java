package dev.vigil.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import dev.vigil.base.Problems;

/** 401 and 403 on the API as RFC 9457 problem bodies instead of a login redirect. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        Problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized",
                "Send Authorization: Bearer <token> (an API token), or log in"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail = e instanceof CsrfException
                ? "A browser session must send its CSRF token; scripts should use an API token instead"
                : "The caller lacks the role or scope this operation needs";
        Problems.write(request, response, Problems.of(HttpStatus.FORBIDDEN, "Forbidden", detail));
    }
}
