package dev.vigil.base;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error raised while handling {@code /api/**} and {@code /v2/**} into an RFC 9457
 * problem body: validation errors name each field with a JSON pointer and a reason.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return problem(Problems.invalid(e.getMessage(), e.violations()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(Problems.of(HttpStatus.CONFLICT, "Conflict", e.getMessage()));
    }

    /** Method security refusing a caller that is authenticated but lacks a role or scope. */
    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> forbidden(RuntimeException e) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "Forbidden",
                "The caller lacks the role or scope this operation needs"));
    }

    /** A streamed body that passed its limit while a controller read it (see {@link BodySizeLimitFilter}). */
    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return problem(BodyTooLargeException.problem(e.limit()));
    }

    /** A multipart body Tomcat cannot split (no boundary, truncated): the client's error, not Vigil's. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "Unreadable request body",
                "The multipart body cannot be parsed: " + rootMessage(e)));
    }

    /**
     * Spring Security's firewall checks parameter names only when they are read, which for a form body
     * is inside the handler (a JSON document sent as a form has a parameter name full of quotes).
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return problem(Problems.malformed(e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("API request refused with 503: the database is unavailable ({})", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(Problems.PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER.toSeconds()))
                    .body(DatabaseUnavailable.problem());
        }
        log.error("Unhandled error while serving an API request", e);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Vigil could not complete the request; the error has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldViolation("/" + f.getField().replace('.', '/').replaceAll("\\[(\\d+)]", "/$1"),
                        f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON)
                .body(Problems.invalid("The request has invalid fields", violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(Problems.PROBLEM_JSON)
                    .body(BodyTooLargeException.problem(tooLarge.limit()));
        }
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON)
                .body(Problems.of(HttpStatus.BAD_REQUEST, "Unreadable request body",
                        "The body is not valid JSON of the expected shape: " + rootMessage(e)));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // Parser messages can quote large parts of the input; the first line names the problem.
        return message.lines().findFirst().orElse(message);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
    }
}
