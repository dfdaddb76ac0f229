package dev.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import dev.vigil.ApiClient;
import dev.vigil.VigilIntegrationTest;

/**
 * Every HTTP route × every kind of caller → the status the access table below promises. The routes
 * come from the running application's handler mappings, so a new endpoint without a line in the table
 * fails {@link #everyRouteHasExactlyOneLineInTheAccessTable()}, and so does a line for a route that is gone.
 */
@VigilIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    private static final String PASSWORD = "matrix passphrase 1";

    // Who an entry lets through: any one of these authorities (roles include the ones below them).
    private static final Set<String> READ = Set.of("SCOPE_api:read", "ROLE_RESPONDER");
    private static final Set<String> RESPOND = Set.of("SCOPE_api:write", "ROLE_RESPONDER");
    private static final Set<String> MANAGE = Set.of("SCOPE_api:write", "ROLE_MANAGER");
    private static final Set<String> READ_REPORTS = Set.of("SCOPE_api:read", "ROLE_MANAGER");
    private static final Set<String> READ_USERS = Set.of("SCOPE_api:read", "ROLE_ADMIN");
    private static final Set<String> ADMINISTER = Set.of("SCOPE_api:write", "ROLE_ADMIN");
    private static final Set<String> ADMIN_SESSION_ONLY = Set.of("ROLE_ADMIN");
    private static final Set<String> PUSH_METRICS = Set.of("SCOPE_metrics:write");
    private static final Set<String> ANY_LOGIN = Set.of("SCOPE_metrics:write", "SCOPE_events:write",
            "SCOPE_api:read", "SCOPE_api:write", "ROLE_RESPONDER");

    /**
     * The access table: one line per route. {@code api} routes need a token or a session with one of the
     * authorities; {@code keyed} routes carry their own key (an integration key, a signed link) and ignore
     * who calls; {@code open} routes are public. The probe is the request sent: a harmless one (unknown id,
     * invalid body), shaped so that the authorization check is reached before anything is looked at.
     */
    private static final List<Entry> TABLE = List.of(
            // alerting
            api("GET /api/v1/rules", READ),
            api("POST /api/v1/rules", MANAGE).body("{}"),
            api("GET /api/v1/rules/{id}", READ).path("/api/v1/rules/no-such-rule"),
            api("PUT /api/v1/rules/{id}", MANAGE).path("/api/v1/rules/no-such-rule").body("{}"),
            api("DELETE /api/v1/rules/{id}", MANAGE).path("/api/v1/rules/no-such-rule"),
            api("GET /api/v1/rules/{id}/history", READ).path("/api/v1/rules/no-such-rule/history"),
            api("GET /api/v1/rules/export", READ),
            api("POST /api/v1/rules/import", MANAGE).body("application/yaml", "rules: ["),
            api("GET /api/v1/silences", READ),
            api("POST /api/v1/silences", RESPOND).body("{}"),
            api("DELETE /api/v1/silences/{id}", RESPOND).path("/api/v1/silences/no-such-silence"),
            // metrics
            api("GET /api/v1/metrics/query", READ),
            api("POST /api/v1/metrics", PUSH_METRICS).body("{}"),
            // incident
            api("GET /api/v1/incidents", READ),
            api("POST /api/v1/incidents", RESPOND).body("{\"title\": 7}").refusedBody("{\"title\": \"matrix\"}"),
            api("GET /api/v1/incidents/{id}", READ).path("/api/v1/incidents/INC-999999999"),
            api("POST /api/v1/incidents/{id}/acknowledge", RESPOND).path("/api/v1/incidents/INC-999999999/acknowledge"),
            api("POST /api/v1/incidents/{id}/resolve", RESPOND).path("/api/v1/incidents/INC-999999999/resolve"),
            api("PUT /api/v1/incidents/{id}/rca", RESPOND).path("/api/v1/incidents/INC-999999999/rca")
                    .body("{\"rootCause\": \"matrix\"}"),
            keyed("POST /v2/enqueue").body("{\"routing_key\": \"no-such-key\"}"),
            keyed("POST /api/v1/integrations/alertmanager/{integrationKey}")
                    .path("/api/v1/integrations/alertmanager/no-such-key").body("{}"),
            keyed("GET /a/{token}").path("/a/not-a-signed-link"),
            keyed("POST /a/{token}").path("/a/not-a-signed-link"),
            // oncall: four document kinds with the same five operations
            api("GET /api/v1/oncall", READ),
            api("GET /api/v1/teams", READ),
            api("POST /api/v1/teams", MANAGE).body("{}"),
            api("GET /api/v1/teams/{id}", READ).path("/api/v1/teams/no-such-team"),
            api("PUT /api/v1/teams/{id}", MANAGE).path("/api/v1/teams/no-such-team").body("{}"),
            api("DELETE /api/v1/teams/{id}", MANAGE).path("/api/v1/teams/no-such-team"),
            api("GET /api/v1/services", READ),
            api("POST /api/v1/services", MANAGE).body("{}"),
            api("GET /api/v1/services/{id}", READ).path("/api/v1/services/no-such-service"),
            api("PUT /api/v1/services/{id}", MANAGE).path("/api/v1/services/no-such-service").body("{}"),
            api("DELETE /api/v1/services/{id}", MANAGE).path("/api/v1/services/no-such-service"),
            api("POST /api/v1/services/{id}/rotate-integration-key", ADMINISTER)
                    .path("/api/v1/services/no-such-service/rotate-integration-key"),
            api("GET /api/v1/escalation-policies", READ),
            api("POST /api/v1/escalation-policies", MANAGE).body("{}"),
            api("GET /api/v1/escalation-policies/{id}", READ).path("/api/v1/escalation-policies/no-such-policy"),
            api("PUT /api/v1/escalation-policies/{id}", MANAGE).path("/api/v1/escalation-policies/no-such-policy")
                    .body("{}"),
            api("DELETE /api/v1/escalation-policies/{id}", MANAGE).path("/api/v1/escalation-policies/no-such-policy"),
            api("GET /api/v1/schedules", READ),
            api("POST /api/v1/schedules", MANAGE).body("{}"),
            api("GET /api/v1/schedules/{id}", READ).path("/api/v1/schedules/no-such-schedule"),
            api("PUT /api/v1/schedules/{id}", MANAGE).path("/api/v1/schedules/no-such-schedule").body("{}"),
            api("DELETE /api/v1/schedules/{id}", MANAGE).path("/api/v1/schedules/no-such-schedule"),
            api("GET /api/v1/schedules/{id}/shifts", READ).path("/api/v1/schedules/no-such-schedule/shifts"),
            api("POST /api/v1/schedules/{id}/overrides", MANAGE).path("/api/v1/schedules/no-such-schedule/overrides")
                    .body("{}"),
            api("DELETE /api/v1/schedules/{id}/overrides/{overrideId}", MANAGE)
                    .path("/api/v1/schedules/no-such-schedule/overrides/no-such-override"),
            api("GET /api/v1/users", READ_USERS),
            api("POST /api/v1/users", ADMINISTER).body("{}"),
            api("GET /api/v1/users/{username}", READ_USERS).path("/api/v1/users/no-such-user"),
            api("PUT /api/v1/users/{username}/contact-methods", ADMINISTER)
                    .path("/api/v1/users/no-such-user/contact-methods").body("{\"contactMethods\": []}"),
            // notification
            api("GET /api/v1/notifications", READ),
            api("GET /api/v1/notifications/{id}", READ).path("/api/v1/notifications/999999999"),
            api("POST /api/v1/notifications/{id}/retry", RESPOND).path("/api/v1/notifications/999999999/retry"),
            // reporting
            api("GET /api/v1/reports/archive", READ_REPORTS),
            api("GET /api/v1/reports/archive/{id}", READ_REPORTS).path("/api/v1/reports/archive/999999999"),
            api("GET /api/v1/reports/archive/{id}.pdf", READ_REPORTS).path("/api/v1/reports/archive/999999999.pdf"),
            api("GET /api/v1/reports/archive/{id}.csv", READ_REPORTS).path("/api/v1/reports/archive/999999999.csv"),
            // A real period: the controller checks the period before the module checks the caller.
            api("GET /api/v1/reports/{period}", READ_REPORTS).path("/api/v1/reports/daily?date=2020-01-01"),
            api("GET /api/v1/reports/{period}.pdf", READ_REPORTS).path("/api/v1/reports/daily.pdf?date=2020-01-01"),
            api("GET /api/v1/reports/{period}.csv", READ_REPORTS).path("/api/v1/reports/daily.csv?date=2020-01-01"),
            api("GET /api/v1/services/{service}/targets", READ).path("/api/v1/services/no-such-service/targets"),
            api("PUT /api/v1/services/{service}/targets", MANAGE).path("/api/v1/services/no-such-service/targets")
                    .body("{}").refusedBody("""
                            {"responseTimeBudgetMs": 500, "p95TargetMs": 400, "availabilityTargetPct": 99.9,
                             "sloAvailabilityPct": 99.9, "errorRateTargetPct": 1}"""),
            // security
            api("GET /api/v1/me", ANY_LOGIN),
            api("PUT /api/v1/users/{username}/roles", ADMINISTER).path("/api/v1/users/no-such-user/roles")
                    .body("{\"roles\": [\"RESPONDER\"]}"),
            api("POST /api/v1/users/{username}/disable", ADMINISTER).path("/api/v1/users/no-such-user/disable"),
            api("POST /api/v1/users/{username}/enable", ADMINISTER).path("/api/v1/users/no-such-user/enable"),
            api("PUT /api/v1/users/{username}/password", ADMINISTER).path("/api/v1/users/no-such-user/password")
                    .body("{\"password\": \"long enough passphrase\"}"),
            api("GET /api/v1/audit", ADMIN_SESSION_ONLY),
            api("GET /api/v1/audit.csv", ADMIN_SESSION_ONLY),
            api("GET /api/v1/reports/archive/{id}/audit.csv", ADMIN_SESSION_ONLY)
                    .path("/api/v1/reports/archive/999999999/audit.csv"),
            api("GET /api/v1/reports/{period}/audit.csv", ADMIN_SESSION_ONLY)
                    .path("/api/v1/reports/daily/audit.csv?date=2020-01-01"),
            api("GET /api/v1/tokens", ADMIN_SESSION_ONLY),
            api("POST /api/v1/tokens", ADMIN_SESSION_ONLY).body("{\"name\": 7}")
                    .refusedBody("{\"name\": \"matrix-refused\", \"scopes\": [\"api:read\"]}"),
            api("DELETE /api/v1/tokens/{id}", ADMIN_SESSION_ONLY).path("/api/v1/tokens/999999999"),
            // operations and documentation
            hidden("GET /actuator"),
            open("GET /actuator/health"),
            open("GET /actuator/health/**").path("/actuator/health/liveness"),
            open("GET /actuator/info"),
            open("GET /actuator/prometheus"),
            open("GET /v3/api-docs"),
            open("GET /v3/api-docs/swagger-config"),
            open("GET /v3/api-docs.yaml"),
            // springdoc answers with a redirect to its page; the probe asks for that page.
            open("GET /swagger-ui.html").path("/swagger-ui/index.html"),
            hidden("* /error").path("/error"));

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    UserAdministration users;

    private final List<Caller> callers = new ArrayList<>();

    @BeforeAll
    void createCallers() {
        callers.add(Caller.anonymous("no credentials", null));
        callers.add(Caller.anonymous("malformed bearer", "Bearer "));
        callers.add(Caller.anonymous("other scheme", "Basic YWRtaW46YWRtaW4="));
        callers.add(Caller.anonymous("unknown token", "Bearer vgl_" + UUID.randomUUID()));
        String revoked = tokens.create("matrix-revoked-" + UUID.randomUUID(), EnumSet.allOf(Scope.class), "test");
        tokens.revoke(tokens.authenticate(revoked).orElseThrow().id());
        callers.add(Caller.anonymous("revoked token", "Bearer " + revoked));
        for (Scope scope : Scope.values()) {
            String token = tokens.create("matrix-" + scope.value() + "-" + UUID.randomUUID(), Set.of(scope), "test");
            callers.add(Caller.token(scope, "Bearer " + token));
        }
        for (Role role : Role.values()) {
            String username = "matrix-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
            users.create(username, null, PASSWORD, Set.of(role), List.of());
            LoginSession session = LoginSession.login(port, username, PASSWORD);
            assertThat(session.loggedIn()).as("login of %s", username).isTrue();
            callers.add(Caller.session(role, session));
        }
    }

    @Test
    void everyRouteHasExactlyOneLineInTheAccessTable() {
        Set<String> served = servedRoutes();
        Map<String, Entry> declared = new LinkedHashMap<>();
        TABLE.forEach(e -> assertThat(declared.put(e.route(), e)).as("two lines for %s", e.route()).isNull());

        assertThat(served).as("routes the application serves without a line in the access table")
                .isSubsetOf(declared.keySet());
        assertThat(declared.keySet()).as("lines in the access table for routes the application no longer serves")
                .isSubsetOf(served);
    }

    @Test
    void everyCallerGetsWhatTheAccessTableSaysOnEveryRoute() {
        ApiClient api = new ApiClient(port);
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (Entry entry : TABLE) {
            for (Caller caller : callers) {
                boolean allowed = entry.allows(caller);
                ApiClient.Response response = caller.send(api, entry, allowed);
                requests++;
                String problem = entry.judge(caller, allowed, response);
                if (problem != null) {
                    wrong.add("%-60s %-22s -> %d %s".formatted(entry.route(), caller.name(), response.status(), problem));
                }
            }
        }
        System.out.printf("Authorization matrix: %d routes x %d callers = %d requests, %d unexpected%n",
                TABLE.size(), callers.size(), requests, wrong.size());
        assertThat(wrong).as("routes where a caller got the wrong answer").isEmpty();
    }

    @Test
    void aBrowserSessionMustSendItsCsrfTokenForEveryChangeOnTheApi() {
        LoginSession admin = callers.stream().filter(c -> c.role() == Role.ADMIN).findFirst().orElseThrow().session();
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (Entry entry : TABLE) {
            if (entry.kind() == Kind.OPEN || entry.method().equals("GET") || entry.path().startsWith("/a/")) {
                continue;
            }
            ApiClient.Response response = admin.request(entry.method(), entry.path(), entry.contentType(),
                    entry.bodyWhenRefused(), false);
            requests++;
            if (response.status() != 403 || !response.contentType().startsWith("application/problem+json")
                    || !response.body().contains("CSRF")) {
                wrong.add(entry.route() + " -> " + response.status() + " " + response.body());
            }
        }
        System.out.printf("CSRF: %d state-changing API routes tried with an admin session and no CSRF token%n", requests);
        assertThat(requests).isGreaterThan(30);
        assertThat(wrong).as("changes a session could make without its CSRF token").isEmpty();
    }

    @Test
    void aDisabledUserCannotLogInAtAll() {
        String username = "matrix-disabled-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(username, null, PASSWORD, Set.of(Role.ADMIN), List.of());
        users.setEnabled(username, false);

        assertThat(LoginSession.login(port, username, PASSWORD).loggedIn()).isFalse();
    }

    private Set<String> servedRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("*");
                }
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(m -> routes.add(m + " " + pattern));
                }
            }
        }
        return routes;
    }

    private static Entry api(String route, Set<String> allowed) {
        return new Entry(route, Kind.API, allowed, null, null, null, null);
    }

    private static Entry keyed(String route) {
        return new Entry(route, Kind.KEYED, Set.of(), null, null, null, null);
    }

    private static Entry open(String route) {
        return new Entry(route, Kind.OPEN, Set.of(), null, null, null, null);
    }

    private static Entry hidden(String route) {
        return new Entry(route, Kind.HIDDEN, Set.of(), null, null, null, null);
    }

    /**
     * {@code API}: a token or session with one of the authorities. {@code KEYED}: the key in the request
     * decides (a bad bearer token is still refused on the API paths). {@code OPEN}: anyone. {@code HIDDEN}:
     * nobody from outside (Spring's own pages, only reached by an internal forward).
     */
    enum Kind { API, KEYED, OPEN, HIDDEN }

    /** One line of the access table and the request that probes it. */
    record Entry(String route, Kind kind, Set<String> allowed, String probePath, String contentType, String body,
            String refusedBody) {

        Entry path(String path) {
            return new Entry(route, kind, allowed, path, contentType, body, refusedBody);
        }

        Entry body(String json) {
            return body("application/json", json);
        }

        Entry body(String type, String content) {
            return new Entry(route, kind, allowed, probePath, type, content, refusedBody);
        }

        /** A body that would pass the controller's own checks, so a refused caller is refused for who it is. */
        Entry refusedBody(String json) {
            return new Entry(route, kind, allowed, probePath, contentType, body, json);
        }

        String method() {
            return route.substring(0, route.indexOf(' ')).replace("*", "GET");
        }

        String path() {
            return probePath != null ? probePath : route.substring(route.indexOf(' ') + 1);
        }

        String bodyFor(boolean allowed) {
            return !allowed && refusedBody != null ? refusedBody : body;
        }

        String bodyWhenRefused() {
            return refusedBody != null ? refusedBody : body;
        }

        boolean allows(Caller caller) {
            return switch (kind) {
                case API -> caller.authorities().stream().anyMatch(allowed::contains);
                case KEYED, OPEN -> true;
                case HIDDEN -> false;
            };
        }

        /** Null if the answer is the promised one, else what is wrong with it. */
        String judge(Caller caller, boolean allowedByTable, ApiClient.Response response) {
            boolean onApiChain = path().startsWith("/api/") || path().startsWith("/v2/");
            boolean badCredentials = caller.authorization() != null && caller.authorization().startsWith("Bearer ")
                    && !caller.isToken();
            if (onApiChain && badCredentials) {
                return response.status() == 401 && isProblem(response) ? null : "expected 401 problem (bad token)";
            }
            if (kind == Kind.API && caller.isAnonymous()) {
                return response.status() == 401 && isProblem(response) ? null : "expected 401 problem";
            }
            if (kind == Kind.HIDDEN) {
                // Outside the API the UI's form login answers: anonymous callers are sent to log in.
                boolean refused = caller.session() == null ? response.status() == 302 : response.status() == 403;
                return refused ? null : "expected a redirect to the login (anonymous) or 403 (session)";
            }
            if (!allowedByTable) {
                return response.status() == 403 && isProblem(response) ? null : "expected 403 problem";
            }
            // Let through: the controller answers, with success or a 4xx about the request itself.
            int status = response.status();
            boolean answered = status < 300 || status >= 400 && status < 500 && status != 401 && status != 403;
            return answered ? null : "expected to be let through to the controller";
        }

        private static boolean isProblem(ApiClient.Response response) {
            return response.contentType().startsWith("application/problem+json");
        }
    }

    /** Someone calling: nobody, a bad or revoked token, a token with one scope, or a logged-in person. */
    record Caller(String name, String authorization, Set<String> authorities, Role role, LoginSession session,
            boolean isToken) {

        static Caller anonymous(String name, String authorization) {
            return new Caller(name, authorization, Set.of(), null, null, false);
        }

        static Caller token(Scope scope, String authorization) {
            return new Caller("token " + scope.value(), authorization, Set.of(scope.authority()), null, null, true);
        }

        static Caller session(Role role, LoginSession session) {
            // Written out rather than asked of the application: each role includes the ones before it.
            Set<String> granted = switch (role) {
                case RESPONDER -> Set.of("ROLE_RESPONDER");
                case MANAGER -> Set.of("ROLE_RESPONDER", "ROLE_MANAGER");
                case ADMIN -> Set.of("ROLE_RESPONDER", "ROLE_MANAGER", "ROLE_ADMIN");
            };
            return new Caller("session " + role.name(), null, granted, role, session, false);
        }

        boolean isAnonymous() {
            return session == null && !isToken;
        }

        ApiClient.Response send(ApiClient api, Entry entry, boolean allowed) {
            String body = entry.bodyFor(allowed);
            if (session != null) {
                return session.request(entry.method(), entry.path(), entry.contentType(), body, true);
            }
            return api.request(entry.method(), entry.path(), authorization, entry.contentType(), body);
        }
    }
}
