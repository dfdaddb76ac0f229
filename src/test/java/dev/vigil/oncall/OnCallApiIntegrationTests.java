package dev.vigil.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Users, schedules, policies, services and "who is on call" through the REST API, as scripts see them. */
@VigilIntegrationTest
class OnCallApiIntegrationTests {

    private static final String TOKEN = TestAccounts.API_TOKEN;
    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    @Autowired
    OnCallManagement oncall;

    private ApiClient api() {
        return new ApiClient(port);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theDefaultTeamPolicyAndDemoServiceExistFromTheFirstStart() {
        JsonNode service = api().get("/api/v1/services/checkout", TOKEN).json();
        JsonNode policy = api().get("/api/v1/escalation-policies/default", TOKEN).json();
        JsonNode team = api().get("/api/v1/teams/default", TOKEN).json();

        assertThat(service.get("integrationKey").asString()).matches("[0-9a-f]{32}");
        assertThat(service.get("team").asString()).isEqualTo("default");
        assertThat(service.get("escalationPolicy").asString()).isEqualTo("default");
        assertThat(policy.get("repeat").asInt()).isEqualTo(1);
        assertThat(policy.get("levels").valueStream().map(l -> l.get("timeout").asString() + " "
                + l.get("targets").get(0).get("ref").asString())).containsExactly("PT5M admin", "PT5M admin");
        assertThat(team.get("manager").asString()).isEqualTo(TestAccounts.ADMIN);
    }

    @Test
    void aUserIsCreatedWithContactMethodsAndCanBeListed() {
        String username = unique("ana");
        ApiClient.Response created = api().post("/api/v1/users", TOKEN, JSON, user(username, "correct horse battery",
                "[{\"type\": \"SMS\", \"address\": \"+15550001111\"}, {\"type\": \"webhook\", \"address\": \"https://hooks.example/ana\"}]"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode read = api().get("/api/v1/users/" + username, TOKEN).json();
        assertThat(read.get("displayName").asString()).isEqualTo("Ana");
        assertThat(read.get("roles").get(0).asString()).isEqualTo("RESPONDER");
        assertThat(read.has("password")).isFalse();
        assertThat(read.get("contactMethods").valueStream().map(m -> m.get("type").asString() + " " + m.get("address").asString()))
                .containsExactly("SMS +15550001111", "WEBHOOK https://hooks.example/ana");
        assertThat(api().get("/api/v1/users?size=1000", TOKEN).json().get("content").valueStream()
                .map(u -> u.get("username").asString())).contains(username, TestAccounts.ADMIN);
    }

    @Test
    void anInvalidUserIsRefusedWithEveryBadFieldAndNothingIsStored() {
        String username = unique("bad");
        ApiClient.Response refused = api().post("/api/v1/users", TOKEN, JSON, """
                {"username": "%s", "password": "short", "roles": ["RESPONDER", "BOSS"],
                 "contactMethods": [{"type": "SMS", "address": "0049 170 1234567"},
                                    {"type": "WEBHOOK", "address": "ftp://example.com"},
                                    {"type": "PIGEON", "address": "roof"}]}""".formatted(username));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(pointers(refused)).containsExactlyInAnyOrder("/password", "/roles/1", "/contactMethods/0/address",
                "/contactMethods/1/address", "/contactMethods/2/type");
        assertThat(api().get("/api/v1/users/" + username, TOKEN).status()).isEqualTo(404);
    }

    @Test
    void anAdminSetsThePhoneNumberOfTheBootstrapAdmin() {
        ApiClient.Response set = api().put("/api/v1/users/admin/contact-methods", TOKEN, JSON,
                "{\"contactMethods\": [{\"type\": \"SMS\", \"address\": \"+4915112345678\"}]}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(oncall.recipient(TestAccounts.ADMIN).orElseThrow().contactMethods())
                .containsExactly(new ContactMethod("SMS", "+4915112345678"));
        assertThat(pointers(api().put("/api/v1/users/admin/contact-methods", TOKEN, JSON,
                "{\"contactMethods\": [{\"type\": \"SMS\", \"address\": \"+0123\"}]}")))
                .containsExactly("/contactMethods/0/address");
    }

    @Test
    void aServiceEscalatesThroughItsPolicyToWhoeverIsOnCallAndTheNamedUser() {
        String ana = createUser("ana");
        String ben = createUser("ben");
        String schedule = unique("checkout-oncall");
        assertThat(api().post("/api/v1/schedules", TOKEN, JSON, """
                {"name": "%s", "timeZone": "Europe/Berlin",
                 "layers": [{"name": "primary", "start": "2026-11-02T09:00", "rotation": "weekly",
                             "handoffTime": "09:00", "participants": ["%s", "%s"]}]}""".formatted(schedule, ana, ben))
                .status()).isEqualTo(201);
        String policy = unique("checkout-primary");
        assertThat(api().post("/api/v1/escalation-policies", TOKEN, JSON, """
                {"name": "%s", "repeat": 2, "resolveReminder": "PT10M",
                 "levels": [{"timeout": "PT5M", "targets": [{"type": "SCHEDULE", "ref": "%s"}]},
                            {"timeout": "PT10M", "targets": [{"type": "USER", "ref": "%s"}]}]}"""
                .formatted(policy, schedule, ana)).status()).isEqualTo(201);
        String team = unique("payments");

        ApiClient.Response created = api().post("/api/v1/services", TOKEN, JSON, """
                {"name": "%s", "team": "%s", "escalationPolicy": "%s", "targets": {"p95Ms": 200}}"""
                .formatted(unique("shop"), team, policy));

        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("integrationKey").asString();
        SecurityContextHolder.clearContext();
        ServiceInfo service = oncall.serviceByIntegrationKey(key).orElseThrow();
        assertThat(service.team()).isEqualTo(team);
        assertThat(service.manager()).isNull();
        EscalationPlan plan = oncall.escalationPlan(service.escalationPolicy(), Instant.parse("2026-11-10T12:00:00Z"));
        assertThat(plan.repeat()).isEqualTo(2);
        assertThat(plan.resolveReminder()).isEqualTo(Duration.ofMinutes(10));
        assertThat(plan.levels()).extracting(EscalationLevel::timeout)
                .containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10));
        assertThat(plan.levels().get(0).recipients()).extracting(Recipient::username).containsExactly(ben);
        assertThat(plan.levels().get(1).recipients()).extracting(Recipient::username).containsExactly(ana);
        assertThat(plan.managers()).extracting(Recipient::username).containsExactly(TestAccounts.ADMIN);
        assertThat(api().get("/api/v1/teams/" + team, TOKEN).status()).isEqualTo(200);
    }

    @Test
    void replacingAServiceKeepsItsIntegrationKey() {
        String name = unique("billing");
        JsonNode created = api().post("/api/v1/services", TOKEN, JSON, "{\"name\": \"" + name + "\"}").json();

        JsonNode replaced = api().put("/api/v1/services/" + name, TOKEN, JSON,
                "{\"name\": \"" + name + "\", \"integrationKey\": \"0000\", \"targets\": {\"availability\": 99.9}}").json();

        assertThat(replaced.get("id").asString()).isEqualTo(created.get("id").asString());
        assertThat(replaced.get("integrationKey").asString()).isEqualTo(created.get("integrationKey").asString());
        assertThat(replaced.get("targets").get("availability").asDouble()).isEqualTo(99.9);
        assertThat(oncall.service(name).orElseThrow().escalationPolicy()).isEqualTo("default");
    }

    @Test
    void anInvalidPolicyIsRefusedWithEveryBadFieldAndNothingIsStored() {
        long before = policyCount();
        ApiClient.Response refused = api().post("/api/v1/escalation-policies", TOKEN, JSON, """
                {"name": "broken", "repeat": 11, "resolveReminder": "PT1M",
                 "levels": [{"timeout": "PT10S", "targets": [{"type": "USER", "ref": "admin"}]},
                            {"timeout": "PT5M", "targets": [{"type": "SCHEDULE", "ref": "no-such-schedule"},
                                                            {"type": "USER", "ref": "nobody-at-all"},
                                                            {"type": "TEAM", "ref": "default"}]},
                            {"targets": []}]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(pointers(refused)).containsExactlyInAnyOrder("/repeat", "/resolveReminder", "/levels/0/timeout",
                "/levels/1/targets/0/ref", "/levels/1/targets/1/ref", "/levels/1/targets/2/type", "/levels/2/targets");
        assertThat(pointers(api().post("/api/v1/escalation-policies", TOKEN, JSON, "{\"name\": \"empty\", \"levels\": []}")))
                .containsExactly("/levels");
        assertThat(policyCount()).isEqualTo(before);
    }

    @Test
    void anInvalidScheduleIsRefusedWithEveryBadField() {
        ApiClient.Response refused = api().post("/api/v1/schedules", TOKEN, JSON, """
                {"name": "broken", "timeZone": "Mars/Olympus",
                 "layers": [{"start": "next monday", "rotation": "fortnightly", "handoffTime": "9am",
                             "participants": ["admin", "nobody-at-all"]}],
                 "overrides": [{"user": "admin", "start": "2026-11-05T18:00:00Z", "end": "2026-11-05T08:00:00Z"}]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(pointers(refused)).containsExactlyInAnyOrder("/timeZone", "/layers/0/start", "/layers/0/rotation",
                "/layers/0/handoffTime", "/layers/0/participants/1", "/overrides/0/end");
        assertThat(api().get("/api/v1/schedules/broken", TOKEN).status()).isEqualTo(404);
    }

    @Test
    void whatIsInUseOrMissingCannotBeDeleted() {
        ApiClient.Response missing = api().delete("/api/v1/schedules/no-such-schedule", TOKEN);
        ApiClient.Response defaultPolicy = api().delete("/api/v1/escalation-policies/default", TOKEN);
        ApiClient.Response defaultTeam = api().delete("/api/v1/teams/default", TOKEN);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(defaultPolicy.status()).isEqualTo(400);
        assertThat(defaultTeam.status()).isEqualTo(400);
    }

    @Test
    void overridesShowInWhoIsOnCallAndCanBeRemoved() {
        String ana = createUser("ana");
        String schedule = api().post("/api/v1/schedules", TOKEN, JSON, """
                {"name": "%s", "layers": [{"start": "2026-01-05", "participants": ["admin"]}]}"""
                .formatted(unique("ops"))).json().get("id").asString();
        Instant start = Instant.now().plus(Duration.ofDays(1));

        ApiClient.Response added = api().post("/api/v1/schedules/" + schedule + "/overrides", TOKEN, JSON, """
                {"user": "%s", "start": "%s", "end": "%s"}""".formatted(ana, start, start.plus(Duration.ofHours(8))));

        assertThat(added.status()).isEqualTo(201);
        JsonNode during = scheduleNow(api().get("/api/v1/oncall?at=" + start.plus(Duration.ofHours(1)), TOKEN).json(), schedule);
        assertThat(during.get("onCall").get("username").asString()).isEqualTo(ana);
        assertThat(during.get("source").asString()).isEqualTo("override");
        assertThat(Instant.parse(during.get("until").asString())).isEqualTo(start.plus(Duration.ofHours(8)));
        assertThat(api().delete("/api/v1/schedules/" + schedule + "/overrides/" + added.json().get("id").asString(), TOKEN)
                .status()).isEqualTo(204);
        JsonNode after = scheduleNow(api().get("/api/v1/oncall?at=" + start.plus(Duration.ofHours(1)).toEpochMilli(), TOKEN)
                .json(), schedule);
        assertThat(after.get("onCall").get("username").asString()).isEqualTo(TestAccounts.ADMIN);
        assertThat(pointers(api().post("/api/v1/schedules/" + schedule + "/overrides", TOKEN, JSON, """
                {"user": "%s", "start": "2020-01-01T00:00:00Z", "end": "2020-01-02T00:00:00Z"}""".formatted(ana))))
                .containsExactly("/end");
    }

    @Test
    void whoIsOnCallListsEachPolicysFirstLevel() {
        JsonNode now = api().get("/api/v1/oncall", TOKEN).json();

        JsonNode defaultPolicy = now.get("escalationPolicies").valueStream()
                .filter(p -> p.get("id").asString().equals("default")).findFirst().orElseThrow();
        assertThat(defaultPolicy.get("firstLevel").get(0).get("username").asString()).isEqualTo(TestAccounts.ADMIN);
        assertThat(pointers(api().get("/api/v1/oncall?at=yesterday", TOKEN))).containsExactly("/at");
        assertThat(api().get("/api/v1/oncall", null).status()).isEqualTo(401);
    }

    @Test
    void anUnknownPolicyEscalatesByTheDefaultOneWithoutACaller() {
        SecurityContextHolder.clearContext();

        EscalationPlan plan = oncall.escalationPlan("no-such-policy", Instant.now());

        assertThat(plan.policy()).isEqualTo("default");
        assertThat(plan.levels()).hasSize(2);
        assertThat(plan.levels().getFirst().recipients()).extracting(Recipient::username).containsExactly(TestAccounts.ADMIN);
        assertThat(oncall.escalationPlan(null, Instant.now()).policy()).isEqualTo("default");
    }

    private long policyCount() {
        return api().get("/api/v1/escalation-policies", TOKEN).json().get("page").get("totalElements").asLong();
    }

    private String createUser(String prefix) {
        String username = unique(prefix);
        assertThat(api().post("/api/v1/users", TOKEN, JSON, user(username, "a long enough password", "[]")).status())
                .isEqualTo(201);
        return username;
    }

    private static String user(String username, String password, String contactMethods) {
        return """
                {"username": "%s", "displayName": "Ana", "password": "%s", "roles": ["RESPONDER"],
                 "contactMethods": %s}""".formatted(username, password, contactMethods);
    }

    private static JsonNode scheduleNow(JsonNode overview, String id) {
        return overview.get("schedules").valueStream().filter(s -> s.get("id").asString().equals(id)).findFirst()
                .orElseThrow();
    }

    private static List<String> pointers(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(400);
        return response.json().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList();
    }
}
