package dev.vigil.incident;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.job.service.impl.asyncexecutor.AsyncExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.sun.net.httpserver.HttpServer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinServletRequest;

import dev.vigil.ApiClient;
import dev.vigil.KaribuViewTest;
import dev.vigil.TestAccounts;
import dev.vigil.base.selfcheck.Finding;
import dev.vigil.base.selfcheck.SelfStatus;
import dev.vigil.notification.sns.SnsStandIn;
import dev.vigil.notification.sns.StandInCredentials;

/**
 * The watchdog stalls nothing itself: these tests stall the real parts (Quartz put in standby, Flowable's
 * async executor shut down) and watch Vigil open its own incident, page through SNS (the real AWS SDK
 * client against a local stand-in) while the part is still stalled, show it on the dashboard, stop the
 * dead man's switch, and resolve the incident once the part runs again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:vigil-selfmon;DB_CLOSE_DELAY=-1",
        "vigil.data-dir=target/it-selfmon",
        "vigil.demo.enabled=false",
        "vigil.security.bootstrap-admin.password=" + TestAccounts.ADMIN_PASSWORD,
        "vigil.security.bootstrap-api-token=" + TestAccounts.API_TOKEN,
        "vigil.notification.sns.enabled=true",
        "vigil.notification.sns.region=eu-west-1",
        "vigil.notification.poll-interval=PT0.2S",
        "vigil.self-monitoring.check-interval=PT0.5S",
        "vigil.self-monitoring.lag-intervals=2",
        "vigil.self-monitoring.min-lag=PT2S",
        "vigil.self-monitoring.job-overdue=PT2S",
        "vigil.self-monitoring.heartbeat-interval=PT1S"})
@Import(StandInCredentials.class)
class SelfMonitoringOwnContextTests {

    private static final String TOKEN = TestAccounts.API_TOKEN;
    private static final String JSON = "application/json";
    private static final String ADMIN_PHONE = "+15550007777";
    private static final Duration STALL_NOTICED = Duration.ofSeconds(30);
    private static final SnsStandIn SNS = SnsStandIn.start();
    private static final AtomicInteger PINGS = new AtomicInteger();
    private static final HttpServer HEARTBEAT_RECEIVER = startHeartbeatReceiver();
    /** A process that waits one second on a timer: Flowable's job executor must fire it. */
    private static final String TIMER_PROCESS = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="vigil-test">
              <process id="selfmonTimerProbe" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
                <intermediateCatchEvent id="wait">
                  <timerEventDefinition><timeDuration>PT1S</timeDuration></timerEventDefinition>
                </intermediateCatchEvent>
                <sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>""";

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("vigil.notification.sns.endpoint", () -> SNS.endpoint().toString());
        registry.add("vigil.self-monitoring.heartbeat-url",
                () -> "http://127.0.0.1:" + HEARTBEAT_RECEIVER.getAddress().getPort() + "/ping");
    }

    @AfterAll
    static void stopStandIns() {
        SNS.close();
        HEARTBEAT_RECEIVER.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    Scheduler scheduler;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IncidentRepository incidents;
    @Autowired
    TimelineRepository timeline;
    @Autowired
    SelfStatus self;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void adminHasAPhone() {
        SNS.reset();
        assertThat(api().put("/api/v1/users/admin/contact-methods", TOKEN, JSON,
                "{\"contactMethods\": [{\"type\": \"SMS\", \"address\": \"" + ADMIN_PHONE + "\"}]}").status())
                .isEqualTo(200);
    }

    @AfterEach
    void everythingRunsAgain() throws SchedulerException {
        if (scheduler.isInStandbyMode()) {
            scheduler.start();
        }
        AsyncExecutor executor = engine.getProcessEngineConfiguration().getAsyncExecutor();
        if (!executor.isActive()) {
            executor.start();
        }
        SecurityContextHolder.clearContext();
        if (UI.getCurrent() != null) {
            MockVaadin.tearDown();
        }
    }

    @Test
    void stalledRuleEvaluationOpensAPagedSelfIncidentWhileQuartzIsStillStalledAndResolvesWhenItRuns()
            throws SchedulerException {
        pageTheVigilServiceWith("default");
        String rule = ruleEverySecond();
        try {
            await().atMost(STALL_NOTICED).until(() -> finding("rule-evaluation").summary().contains("last cycle 20"));
            await().atMost(Duration.ofSeconds(10)).until(() -> PINGS.get() > 0);
            Instant stalledAt = Instant.now();

            scheduler.standby();

            Incident opened = awaitSelfIncident("vigil-self:rule-evaluation");
            SnsStandIn.Published sms = awaitSms(opened);
            assertThat(scheduler.isInStandbyMode()).as("Quartz is still stalled when the page goes out").isTrue();
            assertThat(sms.phoneNumber()).isEqualTo(ADMIN_PHONE);
            assertThat(sms.message()).contains("CRITICAL", "Rule evaluation stalled since");
            assertThat(opened.service()).isEqualTo("vigil");
            assertThat(opened.source()).isEqualTo(IncidentSource.SELF_MONITORING);
            assertThat(finding("rule-evaluation").since()).isAfterOrEqualTo(stalledAt.minusSeconds(2));
            assertThat(finding("rule-evaluation").summary()).contains("rules every 1s", "in standby");
            dashboardShowsStalled("self-rule-evaluation");
            int pingsWhileStalled = PINGS.get();
            Instant seen = self.latest().at();
            await().atMost(Duration.ofSeconds(10)).until(() -> self.latest().at().isAfter(seen.plusSeconds(2)));
            assertThat(PINGS.get()).as("the dead man's switch is not fed while a check fails")
                    .isLessThanOrEqualTo(pingsWhileStalled + 1);

            scheduler.start();

            awaitResolved(opened);
            await().atMost(Duration.ofSeconds(10)).until(() -> PINGS.get() > pingsWhileStalled + 1);
        } finally {
            api().delete("/api/v1/rules/" + rule, TOKEN);
        }
    }

    @Test
    void stalledJobExecutorOpensASelfIncidentAndPagesAdminsWithAPhoneAlthoughTheExecutorIsDown() {
        String nobody = "nophone" + UUID.randomUUID().toString().substring(0, 6);
        createUserWithoutPhone(nobody);
        pageTheVigilServiceWith(nobody + "-policy");
        repository.createDeployment().addString("selfmon-timer.bpmn20.xml", TIMER_PROCESS).deploy();
        AsyncExecutor executor = engine.getProcessEngineConfiguration().getAsyncExecutor();

        executor.shutdown();
        String probe = runtime.startProcessInstanceByKey("selfmonTimerProbe").getId();

        Incident opened = awaitSelfIncident("vigil-self:job-executor");
        SnsStandIn.Published sms = awaitSms(opened);
        assertThat(executor.isActive()).as("the executor is still down when the page goes out").isFalse();
        assertThat(sms.phoneNumber()).as("nobody on the policy has a phone: the admin is paged")
                .isEqualTo(ADMIN_PHONE);
        assertThat(sms.message()).contains("Job executor stalled since");
        assertThat(timeline.of(opened.number())).extracting(TimelineEntry::message)
                .anyMatch(m -> m.contains("nobody on call for vigil has a phone"));
        dashboardShowsStalled("self-job-executor");

        executor.start();

        await().atMost(STALL_NOTICED).until(() -> runtime.createProcessInstanceQuery().processInstanceId(probe)
                .count() == 0);
        awaitResolved(opened);
    }

    private Incident awaitSelfIncident(String dedupKey) {
        Incident opened = await().atMost(STALL_NOTICED).until(() -> incidents.findOpen(dedupKey).orElse(null),
                i -> i != null);
        System.out.printf("selfmon: %s opened %s after the stall: %s%n", dedupKey, opened.id(), opened.title());
        return opened;
    }

    private static SnsStandIn.Published awaitSms(Incident incident) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> SNS.published().stream()
                .filter(p -> p.message().contains(incident.id() + " ")).findFirst().orElse(null), p -> p != null);
    }

    private void awaitResolved(Incident incident) {
        await().atMost(STALL_NOTICED).until(() -> incidents.find(incident.number()).orElseThrow().status(),
                s -> s == IncidentStatus.RESOLVED);
        assertThat(timeline.of(incident.number())).extracting(TimelineEntry::message)
                .anyMatch(m -> m.startsWith("Resolved automatically: ") && m.contains("healthy again"));
        assertThat(incidents.findOpen(incident.dedupKey())).isEmpty();
    }

    private Finding finding(String key) {
        return self.latest().findings().stream().filter(f -> f.key().equals(key)).findFirst()
                .orElse(new Finding(key, key, false, null, "not checked yet", ""));
    }

    /** The dashboard, rendered server-side by Karibu, shows the stalled part and a critical overall status. */
    private void dashboardShowsStalled(String rowId) {
        MockVaadin.setup(UI::new, new MockSpringServlet(KaribuViewTest.allRoutes(), context, UI::new));
        var auth = new UsernamePasswordAuthenticationToken("admin", "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_RESPONDER")));
        SecurityContextHolder.getContext().setAuthentication(auth);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> role.equals("RESPONDER"));
        UI.getCurrent().navigate("");

        Div row = _get(Div.class, spec -> spec.withId(rowId));
        assertThat(row.getElement().getAttribute("data-status")).isEqualTo("CRITICAL");
        assertThat(row.getElement().getTextRecursively())
                .contains("stalled");
        assertThat(_get(Div.class, spec -> spec.withId("overall-status")).getElement().getAttribute("data-status"))
                .isEqualTo("CRITICAL");
        MockVaadin.tearDown();
    }

    private String ruleEverySecond() {
        String metric = "selfmon_" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = api().post("/api/v1/rules", TOKEN, JSON, """
                {"name": "Self-monitoring %s", "query": {"metric": "%s", "aggregation": "max", "window": "PT5S"},
                 "condition": {"comparator": ">", "threshold": 500}, "evaluateEvery": "PT1S"}"""
                .formatted(metric, metric));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void createUserWithoutPhone(String name) {
        assertThat(api().post("/api/v1/users", TOKEN, JSON, """
                {"username": "%s", "displayName": "%s", "password": "correct horse battery", "roles": ["RESPONDER"]}"""
                .formatted(name, name)).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/escalation-policies", TOKEN, JSON, """
                {"name": "%s-policy", "repeat": 0,
                 "levels": [{"timeout": "PT30M", "targets": [{"type": "USER", "ref": "%s"}]}]}"""
                .formatted(name, name)).status()).isEqualTo(201);
    }

    private void pageTheVigilServiceWith(String policy) {
        ApiClient.Response updated = api().put("/api/v1/services/vigil", TOKEN, JSON, """
                {"name": "vigil", "escalationPolicy": "%s"}""".formatted(policy));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private static HttpServer startHeartbeatReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            server.createContext("/ping", exchange -> {
                PINGS.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
