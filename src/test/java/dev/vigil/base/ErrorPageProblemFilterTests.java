package dev.vigil.base;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ErrorPageProblemFilterTests {

    private final ErrorPageProblemFilter filter = new ErrorPageProblemFilter();

    @Test
    void answersTheErrorPageForAnApiPathWithAProblemBodyKeepingTheStatus() throws Exception {
        MockHttpServletResponse response = errorDispatch("/api/v1/rules/x", 400);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":400", "\"instance\":\"/api/v1/rules/x\"");
    }

    @Test
    void leavesTheErrorPageOfTheUiToSpringBoot() throws Exception {
        MockHttpServletResponse response = errorDispatch("/incidents", 400);

        assertThat(response.getContentAsString()).isEmpty();
    }

    private MockHttpServletResponse errorDispatch(String failedPath, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setDispatcherType(DispatcherType.ERROR);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, failedPath);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
