package dev.vigil.base;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests that cannot be read at all with a 400 or 415 problem body, before any other filter
 * trips over them. Without it they became 500s: Tomcat decodes the query string and form or multipart
 * body lazily and throws from whichever {@code getParameter} call comes first (Vaadin's security matcher,
 * a {@code @RequestParam}), even again while rendering the error page; Spring's message converters throw
 * {@link IllegalArgumentException} on a wildcard Content-Type.
 */
class MalformedRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasWildcardContentType(request)) {
            Problems.write(request, response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Content-Type must name the media type of the body, not a wildcard"));
            return;
        }
        if (hasUnparsableAccept(request)) {
            // Spring would answer 406, but with no body: it cannot choose a type for the problem either.
            Problems.write(request, response, Problems.malformed("The Accept header is not a list of media types"));
            return;
        }
        try {
            // Parsing now, once, is what Tomcat would do on the first getParameter call anyway.
            request.getParameterMap();
        } catch (InvalidParameterException e) {
            Problems.write(request, response, Problems.malformed("The query string or form body cannot be decoded "
                    + "(invalid percent-encoding or UTF-8, or a multipart body without a boundary)"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasUnparsableAccept(HttpServletRequest request) {
        try {
            for (String accept : java.util.Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
                MediaType.parseMediaTypes(accept);
            }
            return false;
        } catch (InvalidMediaTypeException e) {
            return true;
        }
    }

    private static boolean hasWildcardContentType(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || type.isBlank()) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return media.isWildcardType() || media.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false; // Spring MVC answers an unparsable type with its own 415 problem
        }
    }
}
