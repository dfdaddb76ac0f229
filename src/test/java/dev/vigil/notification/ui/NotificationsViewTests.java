package dev.vigil.notification.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;

import dev.vigil.KaribuViewTest;
import dev.vigil.notification.Notification;
import dev.vigil.oncall.OnCallManagement;
import tools.jackson.databind.json.JsonMapper;

/** The delivery log: what the log shows, retrying a failed notification, and a test notification. */
class NotificationsViewTests extends KaribuViewTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OnCallManagement oncall;

    @Test
    void aFailedNotificationShowsWhyAndIsQueuedAgainByItsRetryButton() {
        String marker = "failed-" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        jdbc.sql("INSERT INTO notification (recipient, channel, address, kind, message, status, attempts, created_at, "
                        + "next_attempt_at, last_error) VALUES ('ana', 'LOG', 'SMS +15550001111', 'page', ?, 'FAILED', 5, ?, ?, "
                        + "'Gave up after 5 attempts: SNS 500 InternalError')")
                .params(marker, now, now).update();
        long id = jdbc.sql("SELECT id FROM notification WHERE message = ?").param(marker).query(Long.class).single();
        login("ana", List.of("RESPONDER"));

        UI.getCurrent().navigate("notifications");

        Grid<Notification> grid = deliveries();
        int row = rowOf(grid, id);
        assertThat(GridKt._getFormatted(grid, row, "outcome")).isEqualTo("Gave up after 5 attempts: SNS 500 InternalError");
        assertThat(GridKt._getFormatted(grid, row, "attempts")).isEqualTo("5");
        assertThat(_get(Paragraph.class, spec -> spec.withId("channels")).getText()).contains("log channel");

        _click((Button) GridKt._getCellComponent(grid, row, "retry"));

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT status FROM notification WHERE id = ?")
                .param(id).query(String.class).single().equals("SENT"));
    }

    @Test
    void aResponderSendsThemselvesATestNotificationAndSeesItInTheLog() {
        String name = "t" + UUID.randomUUID().toString().substring(0, 8);
        login("admin", List.of("ADMIN", "MANAGER", "RESPONDER"));
        oncall.createUser(JsonMapper.builder().build().readTree("""
                {"username": "%s", "password": "correct horse battery", "roles": ["RESPONDER"],
                 "contactMethods": [{"type": "SMS", "address": "+15550009999"}]}""".formatted(name)));
        login(name, List.of("RESPONDER"));

        UI.getCurrent().navigate("notifications");
        _click(_get(Button.class, spec -> spec.withId("send-test")));

        Grid<Notification> grid = deliveries();
        grid.getDataProvider().refreshAll();
        assertThat(GridKt._getFormatted(grid, 0, "recipient")).isEqualTo(name);
        assertThat(GridKt._getFormatted(grid, 0, "channel")).isEqualTo("LOG SMS +15550009999 (channel not configured)");
    }

    @SuppressWarnings("unchecked")
    private static Grid<Notification> deliveries() {
        return _get(Grid.class, spec -> spec.withId("deliveries"));
    }

    private static int rowOf(Grid<Notification> grid, long id) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).id() == id) {
                return i;
            }
        }
        throw new AssertionError("notification " + id + " is not listed");
    }
}
