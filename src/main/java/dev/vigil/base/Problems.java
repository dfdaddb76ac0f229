package dev.vigil.base;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/** Builds and writes RFC 9457 problem bodies, also from servlet filters that run before MVC. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    /** The path families whose every error is a problem body: the API, the Events API v2, one-tap links. */
    private static final List<String> PROBLEM_PATHS = List.of("/api/", "/v2/", "/a/");
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    private Problems() {
    }

    /** Whether errors on this path (without the context path) are answered with problem bodies. */
    public static boolean answersWithProblems(String path) {
        return path != null && PROBLEM_PATHS.stream().anyMatch(path::startsWith);
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<FieldViolation> violations) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("pointer", v.pointer(), "reason", v.reason()))
                .toList());
        return problem;
    }

    /**
     * 400 for a request that cannot be read at all (undecodable query, firewall refusal). The reason may
     * quote the client's input, so only its first line, cut short, goes into the answer.
     */
    public static ProblemDetail malformed(String reason) {
        String line = reason == null ? "" : reason.lines().findFirst().orElse("");
        return of(HttpStatus.BAD_REQUEST, "Malformed request",
                line.isBlank() ? "The request cannot be read" : line.length() > 200 ? line.substring(0, 200) + "..." : line);
    }

    /** Writes a problem straight to the response, for code that runs outside Spring MVC. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(instance(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }

    /** The path as the problem's instance, or none where it is no valid URI (a path Tomcat refused as malformed). */
    private static URI instance(String path) {
        try {
            return path == null ? null : URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
