package dev.vigil.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;
import dev.vigil.base.FuzzCases.Case;
import dev.vigil.base.FuzzCases.Endpoint;
import dev.vigil.base.FuzzCases.Expect;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input against every {@code /api/**}, {@code /v2/**} and {@code /a/**} endpoint, found in Spring's
 * handler mapping so a new endpoint is fuzzed without anyone listing it: wrong types field by field,
 * unreadable, truncated, deeply nested and oversized bodies, invalid UTF-8, wrong media types, bad path and
 * query values and abused headers, over real HTTP. Each must get a 4xx problem body (or Tomcat's own 400
 * where Tomcat refuses the request head before any of Vigil runs), never a 5xx, and store nothing.
 *
 * <p>Generation is a seeded {@link java.util.Random} (printed; {@code -Dvigil.fuzz.seed=N} repeats a run)
 * rather than jqwik: jqwik runs on its own engine, outside the Spring extension, and so could not use the
 * shared cached context, and shrinking is of little use when each failure is one named request.
 */
@VigilIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputFuzzTests {

    private static final long SEED = Long.getLong("vigil.fuzz.seed", 20261128L);
    private static final Set<String> FAMILIES = Set.of("/api/", "/v2/", "/a/");
    /** Parameters that are parsed (numbers, times, periods): junk in them must be refused. */
    private static final Set<String> TYPED_PARAMS = Set.of("page", "size", "at", "from", "to", "date", "step", "agg",
            "divideBy.agg", "status");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RequestLimitProperties limits;
    @Autowired
    Scheduler scheduler;

    private final Map<String, String> fixtures = new LinkedHashMap<>();
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger endpointsFuzzed = new AtomicInteger();
    private List<String[]> token;
    private List<String[]> session;
    private long started;

    @BeforeAll
    void createFixturesAndLogIn() {
        started = System.nanoTime();
        ApiClient api = new ApiClient(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String user = "fuzz-" + suffix;
        created(api, "/api/v1/users", """
                {"username": "%s", "displayName": "Fuzz", "password": "correct horse battery", "roles": ["RESPONDER"]}"""
                .formatted(user));
        String policy = created(api, "/api/v1/escalation-policies", """
                {"name": "fuzz-policy-%s", "repeat": 0,
                 "levels": [{"timeout": "PT24H", "targets": [{"type": "USER", "ref": "%s"}]}]}""".formatted(suffix, user));
        String team = created(api, "/api/v1/teams", """
                {"name": "fuzz-team-%s", "members": ["%s"]}""".formatted(suffix, user));
        JsonNode service = api.post("/api/v1/services", TestAccounts.API_TOKEN, FuzzCases.JSON, """
                {"name": "fuzz-service-%s", "team": "%s"}""".formatted(suffix, team)).json();
        String schedule = created(api, "/api/v1/schedules", """
                {"name": "fuzz-schedule-%s", "layers": [{"start": "2026-01-05", "participants": ["%s"]}]}"""
                .formatted(suffix, user));
        String rule = created(api, "/api/v1/rules", """
                {"name": "fuzz rule %s", "query": {"metric": "fuzz.never", "aggregation": "max", "window": "PT5S"},
                 "condition": {"comparator": ">", "threshold": 500}, "evaluateEvery": "PT1M", "enabled": false}"""
                .formatted(suffix));
        String incident = created(api, "/api/v1/incidents", """
                {"title": "Fuzz fixture", "service": "%s", "severity": "low"}""".formatted(service.get("id").asString()));
        // Resolved, so its process holds no escalation timer that could add rows while the fuzz counts them.
        api.post("/api/v1/incidents/" + incident + "/resolve", TestAccounts.API_TOKEN, FuzzCases.JSON, "");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        fixtures.putAll(Map.of("suffix", suffix, "user", user, "policy", policy, "team", team,
                "service", service.get("id").asString(), "key", service.get("integrationKey").asString(),
                "now", now.toString(), "tomorrow", now.plus(Duration.ofDays(1)).toString(),
                "dayAfter", now.plus(Duration.ofDays(2)).toString()));
        pathValues.putAll(Map.of("/api/v1/rules/{id}", rule, "/api/v1/incidents/{id}", incident,
                "/api/v1/schedules/{id}", schedule, "/api/v1/teams/{id}", team, "/api/v1/services/{id}",
                service.get("id").asString(), "/api/v1/escalation-policies/{id}", policy, "/api/v1/users/{username}", user,
                "/api/v1/services/{service}", service.get("id").asString(),
                "/api/v1/integrations/alertmanager/{integrationKey}", fixtures.get("key")));
        token = List.<String[]>of(new String[] {"Authorization", "Bearer " + TestAccounts.API_TOKEN});
        session = adminSession();
        System.out.printf("Bad-input fuzz: seed %d (repeat with -Dvigil.fuzz.seed=%d), fixtures %s%n", SEED, SEED, fixtures);
    }

    @Test
    void endpointListIsGeneratedFromTheHandlerMappingAndCoversEveryFamily() {
        List<Endpoint> endpoints = endpoints();

        assertThat(endpoints).hasSizeGreaterThan(40);
        assertThat(endpoints).extracting(Endpoint::key).contains("POST /api/v1/metrics", "POST /v2/enqueue",
                "GET /a/{token}", "POST /a/{token}", "POST /api/v1/integrations/alertmanager/{integrationKey}",
                "PUT /api/v1/rules/{id}", "POST /api/v1/rules/import");
        for (String family : FAMILIES) {
            assertThat(endpoints).as(family).anyMatch(e -> e.pattern().startsWith(family));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesBadInputWithAProblemAndStoresNothing() {
        TableCounts counts = new TableCounts(jdbc);
        return endpoints().stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.key(), () -> {
            List<String> found;
            try (ClockJobsPaused paused = ClockJobsPaused.pause(scheduler)) {
                found = fuzz(endpoint, counts);
            }
            failures.addAll(found);
            assertThat(found).as(endpoint.key()).isEmpty();
        }));
    }

    private List<String> fuzz(Endpoint endpoint, TableCounts counts) {
        RawHttp http = new RawHttp(port);
        String goodPath = goodPath(endpoint);
        long limit = limits.bodyLimitFor(endpoint.pattern()).toBytes();
        String example = ExampleBodies.of(endpoint.key(), fixtures);
        List<String[]> identity = identityFor(endpoint, http, goodPath);
        List<Case> cases = new FuzzCases(SEED ^ endpoint.key().hashCode(), endpoint, identity, goodPath, example, limit)
                .all();
        List<String> found = new ArrayList<>();
        Map<String, Long> before = counts.snapshot();
        for (Case c : cases) {
            String problem;
            try {
                RawHttp.Response response = http.send(c.request());
                requests.incrementAndGet();
                statuses.merge(response.status(), 1, Integer::sum);
                problem = check(c, response, endpoint, limit);
            } catch (UncheckedIOException | IllegalStateException e) {
                problem = "no answer: " + e.getMessage();
            }
            if (problem != null) {
                found.add(endpoint.key() + " | " + c.name() + " | " + problem);
            }
        }
        List<String> changed = TableCounts.changed(before, counts.snapshot());
        if (!changed.isEmpty()) {
            found.add(endpoint.key() + " | stored something: " + changed);
        }
        endpointsFuzzed.incrementAndGet();
        return found;
    }

    /** What is wrong with the answer to a case, or {@code null}. */
    private static String check(Case c, RawHttp.Response response, Endpoint endpoint, long limit) {
        int status = response.status();
        String summary = summary(c, response);
        if (status >= 500) {
            return "server error: " + summary;
        }
        return switch (c.expect()) {
            case TOMCAT -> status == 400 ? null : "expected Tomcat's 400: " + summary;
            case NO_SERVER_ERROR -> status >= 400 ? problemBody(c, response, endpoint, null) : null;
            case REFUSED -> status < 400 ? "accepted: " + summary : problemBody(c, response, endpoint, c.field());
            case TOO_LARGE -> status != 413 ? "expected 413: " + summary
                    : !response.text().contains(Long.toString(limit)) ? "the 413 does not name the limit: " + summary
                    : problemBody(c, response, endpoint, null);
        };
    }

    /** Status, type, where it redirects to, the start of the body, and the request line that got it. */
    private static String summary(Case c, RawHttp.Response response) {
        String location = response.headers().getOrDefault("location", "");
        return response.status() + " " + response.contentType() + (location.isEmpty() ? "" : " -> " + location) + " "
                + FuzzCases.abbreviate(response.text().replace('\n', ' ')) + " [" + c.request().method() + " "
                + FuzzCases.abbreviate(c.request().target()) + "]";
    }

    private static String problemBody(Case c, RawHttp.Response response, Endpoint endpoint, String field) {
        String summary = summary(c, response);
        if (endpoint.pattern().startsWith("/a/") && response.contentType().startsWith("text/html")) {
            return null; // the one-tap link is a page for a person on a phone: its refusals are pages too
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return "not a problem body: " + summary;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return "problem body is not JSON: " + summary;
        }
        if (problem.path("status").asInt() != response.status() || problem.path("title").asString("").isBlank()
                || problem.path("detail").asString("").isBlank()) {
            return "problem body lacks status, title or detail: " + summary;
        }
        if (field != null && response.status() == 400 && !response.text().contains(field)) {
            return "problem body does not name the field '" + field + "': " + summary;
        }
        return null;
    }

    /** The full-scope token, or the admin's session where the token lacks the role (user administration). */
    private List<String[]> identityFor(Endpoint endpoint, RawHttp http, String goodPath) {
        String target = goodPath != null ? goodPath : endpoint.pattern().replaceAll("\\{[^}]+}", "fuzz-missing");
        List<String[]> headers = new ArrayList<>(token);
        byte[] body = null;
        if (endpoint.takesBody()) {
            headers.add(new String[] {"Content-Type", FuzzCases.JSON});
            body = "[]".getBytes();
        }
        RawHttp.Response probe = http.send(new RawHttp.Request(endpoint.method(), target, headers, body,
                RawHttp.Framing.LENGTH));
        requests.incrementAndGet();
        statuses.merge(probe.status(), 1, Integer::sum);
        return probe.status() == 403 ? session : token;
    }

    private String goodPath(Endpoint endpoint) {
        if (endpoint.variables().isEmpty()) {
            return endpoint.pattern();
        }
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            if (endpoint.pattern().startsWith(value.getKey())) {
                String var = value.getKey().substring(value.getKey().lastIndexOf('{'));
                String path = endpoint.pattern().replace(var, value.getValue());
                return path.contains("{") ? null : path;
            }
        }
        return null;
    }

    private List<Endpoint> endpoints() {
        Map<String, Endpoint> endpoints = new TreeMap<>();
        handlers.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (FAMILIES.stream().noneMatch(pattern::startsWith)) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    Endpoint endpoint = endpoint(method.name(), pattern, info, handler);
                    endpoints.put(endpoint.key(), endpoint);
                }
            }
        });
        return List.copyOf(endpoints.values());
    }

    private static Endpoint endpoint(String method, String pattern, RequestMappingInfo info, HandlerMethod handler) {
        boolean takesBody = false;
        Map<String, Boolean> params = new TreeMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            takesBody |= parameter.hasParameterAnnotation(RequestBody.class)
                    || (parameter.getParameterType().getSimpleName().equals("HttpServletRequest") && !method.equals("GET"));
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                Class<?> type = parameter.getParameterType();
                params.put(name, TYPED_PARAMS.contains(name) || type.isPrimitive() || Number.class.isAssignableFrom(type));
            }
        }
        boolean yaml = info.getConsumesCondition().getConsumableMediaTypes().stream()
                .anyMatch(t -> t.getSubtype().toLowerCase(Locale.ROOT).contains("yaml"));
        List<String> variables = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\{([^}:]+)[^}]*}").matcher(pattern);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return new Endpoint(method, pattern, takesBody, yaml, variables, params);
    }

    @AfterAll
    void printFigures() {
        System.out.printf("Bad-input fuzz: seed %d, %d endpoints, %d requests in %d s, by status %s, %d failures%n",
                SEED, endpointsFuzzed.get(), requests.get(), (System.nanoTime() - started) / 1_000_000_000L, statuses,
                failures.size());
        failures.forEach(f -> System.out.println("  FAIL " + f));
    }

    private static String created(ApiClient api, String path, String body) {
        ApiClient.Response response = api.post(path, TestAccounts.API_TOKEN, FuzzCases.JSON, body);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(201);
        JsonNode json = response.json();
        return json.has("id") ? json.get("id").asString() : json.path("username").asString();
    }

    /** Logs the admin in through the form, as a browser does, for the endpoints only people may call. */
    private List<String[]> adminSession() {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        try {
            browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + TestAccounts.ADMIN + "&password="
                            + TestAccounts.ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.discarding());
            String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).as("CSRF token in the page").isTrue();
            String sessionId = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst().orElseThrow();
            return List.of(new String[] {"Cookie", "JSESSIONID=" + sessionId}, new String[] {"X-CSRF-TOKEN", csrf.group(1)});
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
