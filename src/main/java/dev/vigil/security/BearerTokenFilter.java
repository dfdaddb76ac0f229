package dev.vigil.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.vigil.base.Problems;

/**
 * Authenticates {@code Authorization: Bearer <token>} on the API. A presented but unknown or revoked
 * token is refused at once with 401 rather than treated as anonymous, so a typo is never mistaken
 * for a missing header.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    private final ApiTokenService tokens;

    BearerTokenFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = header != null && (header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || header.strip().equalsIgnoreCase(PREFIX.strip()));
        if (!bearer) {
            chain.doFilter(request, response);
            return;
        }
        // "Bearer" with nothing after it (HTTP trims the space) is a bad token too, not a missing header.
        String presented = header.strip().substring(PREFIX.strip().length()).trim();
        var token = presented.isEmpty() ? java.util.Optional.<ApiToken>empty() : tokens.authenticate(presented);
        if (token.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            Problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "The bearer token is unknown or revoked"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(token.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
