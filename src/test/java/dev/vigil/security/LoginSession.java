package dev.vigil.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vigil.ApiClient;

/**
 * A person logged in through the login form, calling the API with the session cookie as the browser
 * does, CSRF token included: how the admin-only endpoints (tokens, audit log) are reached.
 */
public final class LoginSession {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String baseUrl;
    private final boolean loggedIn;
    private final String redirect;
    private String csrf;

    private LoginSession(int port, String username, String password) {
        this.baseUrl = "http://localhost:" + port;
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        this.redirect = login.headers().firstValue("Location").orElse("");
        this.loggedIn = login.statusCode() == 302 && !redirect.contains("error");
    }

    /** Logs in; {@link #loggedIn()} says whether the form accepted the credentials. */
    public static LoginSession login(int port, String username, String password) {
        return new LoginSession(port, username, password);
    }

    public boolean loggedIn() {
        return loggedIn;
    }

    /** Where the login form's answer sent the browser, e.g. {@code /login?error}. */
    String redirect() {
        return redirect;
    }

    public ApiClient.Response get(String path) {
        return response(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build()));
    }

    public ApiClient.Response post(String path, String json) {
        return unsafe("POST", path, json);
    }

    public ApiClient.Response delete(String path) {
        return unsafe("DELETE", path, null);
    }

    private ApiClient.Response unsafe(String method, String path, String json) {
        return request(method, path, "application/json", json, true);
    }

    /** Any method with the session cookie; the CSRF token is sent on unsafe methods only if asked to. */
    ApiClient.Response request(String method, String path, String contentType, String body, boolean withCsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (withCsrf && !method.equals("GET")) {
            request.header("X-CSRF-TOKEN", csrf());
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return response(send(request.build()));
    }

    /** The session's CSRF token, as Vaadin puts it into the page for the browser. */
    private String csrf() {
        if (csrf == null) {
            String page = send(HttpRequest.newBuilder(URI.create(baseUrl + "/")).GET().build()).body();
            Matcher matcher = CSRF_META.matcher(page);
            if (!matcher.find()) {
                throw new IllegalStateException("No CSRF token in the page: " + page.substring(0, Math.min(500, page.length())));
            }
            csrf = matcher.group(1);
        }
        return csrf;
    }

    private static ApiClient.Response response(HttpResponse<String> response) {
        return new ApiClient.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
