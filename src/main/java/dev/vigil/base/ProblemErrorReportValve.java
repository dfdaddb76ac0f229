package dev.vigil.base;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for the requests it refuses before any filter or servlet of Vigil runs (an
 * encoded slash, a NUL or invalid UTF-8 in the path): on {@code /api/**}, {@code /v2/**} and {@code /a/**}
 * a problem body instead of Tomcat's HTML, as everywhere else on those paths; elsewhere Tomcat's page, with
 * no report and no server version, as Spring Boot configures it.
 */
class ProblemErrorReportValve extends ErrorReportValve {


    ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String path = request.getRequestURI();
        int status = response.getStatus();
        if (!Problems.answersWithProblems(path) || status < 400
                || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 400
                ? "The request line or headers are malformed (for example an encoded slash, a NUL or invalid UTF-8 in the path)"
                : "The server refused the request before it reached Vigil";
        try {
            response.setContentLength(-1);
            Problems.write(request, response, Problems.of(known == null ? HttpStatus.BAD_REQUEST : known, title, detail));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client has gone, or the response cannot be written any more: nothing left to tell anyone.
        }
    }
}
