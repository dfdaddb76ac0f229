package dev.vigil.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import dev.vigil.KaribuViewTest;
import dev.vigil.TestAccounts;
import dev.vigil.security.ApiToken;
import dev.vigil.security.AuditEntry;
import dev.vigil.security.Role;
import dev.vigil.security.Scope;
import dev.vigil.security.SecurityManagement;
import dev.vigil.security.UserSummary;

/** The admin screen: users, API tokens shown once, the integrations, and the audit log. */
class AdminViewTests extends KaribuViewTest {

    @Autowired
    SecurityManagement security;

    @BeforeEach
    void openAsAdmin() {
        login(TestAccounts.ADMIN, List.of("ADMIN", "MANAGER", "RESPONDER"));
        UI.getCurrent().navigate("admin");
    }

    @Test
    void aNewTokenIsShownOnceWithAWarningAndListedWithoutItsValue() {
        tab(1);
        String name = "ui-token-" + UUID.randomUUID().toString().substring(0, 8);
        _click(_get(Button.class, spec -> spec.withId("new-token")));

        _get(TextField.class, spec -> spec.withId("token-name")).setValue(name);
        @SuppressWarnings("unchecked")
        CheckboxGroup<Scope> scopes = _get(CheckboxGroup.class, spec -> spec.withId("token-scopes"));
        scopes.setValue(Set.of(Scope.API_READ, Scope.EVENTS_WRITE));
        _click(_get(Button.class, spec -> spec.withId("create-token")));

        TextField value = _get(TextField.class, spec -> spec.withId("new-token-value"));
        assertThat(value.getValue()).startsWith("vgl_");
        assertThat(value.isReadOnly()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("new-token-warning")).getText())
                .contains("will not be shown again");
        Grid<ApiToken> tokens = grid("api-tokens");
        int row = rowOf(tokens, name);
        assertThat(GridKt._getFormatted(tokens, row, "scopes")).isEqualTo("api:read events:write");
        assertThat(security.apiTokens()).filteredOn(t -> t.name().equals(name)).singleElement()
                .satisfies(t -> assertThat(t.toString()).doesNotContain(value.getValue()));
    }

    @Test
    void aTokenRevokedOnTheScreenIsRevoked() {
        String name = "ui-revoke-" + UUID.randomUUID().toString().substring(0, 8);
        security.createApiToken(name, List.of("api:read"));
        UI.getCurrent().navigate("admin");
        tab(1);
        Grid<ApiToken> tokens = grid("api-tokens");

        _click((Button) GridKt._getCellComponent(tokens, rowOf(tokens, name), "revoke"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(security.apiTokens()).filteredOn(t -> t.name().equals(name)).singleElement()
                .satisfies(t -> assertThat(t.active()).isFalse());
    }

    @Test
    void aNewUserWithAShortPasswordIsMarkedOnThePasswordField() {
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        _get(TextField.class, spec -> spec.withId("user-username")).setValue("ui-" + UUID.randomUUID().toString().substring(0, 8));
        _get(PasswordField.class, spec -> spec.withId("user-password")).setValue("short");

        _click(_get(Button.class, spec -> spec.withId("create-user")));

        PasswordField password = _get(PasswordField.class, spec -> spec.withId("user-password"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("at least 12");
    }

    @Test
    void aUserCreatedOnTheScreenIsListedAndItsRolesCanBeChanged() {
        String username = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        _get(TextField.class, spec -> spec.withId("user-username")).setValue(username);
        _get(PasswordField.class, spec -> spec.withId("user-password")).setValue("a long enough password");
        _click(_get(Button.class, spec -> spec.withId("create-user")));
        Grid<UserSummary> users = grid("users");

        GridKt._clickItem(users, rowOf(users, username));
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withId("user-roles"));
        roles.setValue(Set.of(Role.MANAGER));
        _click(_get(Button.class, spec -> spec.withId("save-roles")));

        assertThat(security.user(username).orElseThrow().roles()).containsExactly(Role.MANAGER);
    }

    @Test
    void theAuditLogListsChangesNewestFirstAndShowsBeforeAndAfter() {
        String name = "ui-audited-" + UUID.randomUUID().toString().substring(0, 8);
        security.createApiToken(name, List.of("api:read"));
        tab(3);
        _get(TextField.class, spec -> spec.withId("audit-action")).setValue("token.");
        Grid<AuditEntry> log = grid("audit-log");

        assertThat(GridKt._getFormatted(log, 0, "action")).isEqualTo("token.created");
        assertThat(GridKt._getFormatted(log, 0, "actor")).isEqualTo(TestAccounts.ADMIN + " (user)");
        log.select(GridKt._get(log, 0));

        Div details = _get(Div.class, spec -> spec.withId("audit-details"));
        List<Pre> states = _find(details, Pre.class);
        assertThat(states.get(0).getText()).isEqualTo("(none)");
        assertThat(states.get(1).getText()).contains(name).doesNotContain("hash");
    }

    @Test
    void theIntegrationsShowSnsCloudWatchScrapeTargetsAndServiceKeys() {
        tab(2);

        String text = _get(Div.class, spec -> spec.withId("service-keys")).getElement().getTextRecursively();
        assertThat(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("integrations"))
                .getElement().getTextRecursively())
                .contains("AWS SNS", "AWS CloudWatch pull", "Prometheus scrape targets", "/v2/enqueue");
        assertThat(text).satisfiesAnyOf(t -> assertThat(t).contains("/api/v1/integrations/alertmanager/"),
                t -> assertThat(t).contains("No services yet"));
    }

    private static void tab(int index) {
        _get(TabSheet.class).setSelectedIndex(index);
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static <T> int rowOf(Grid<T> grid, String text) {
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._getFormatted(grid, row, grid.getColumns().getFirst().getKey()).contains(text)) {
                return row;
            }
        }
        throw new AssertionError(text + " is not in the grid");
    }
}
