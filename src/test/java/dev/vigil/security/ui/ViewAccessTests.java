package dev.vigil.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;

import dev.vigil.KaribuViewTest;
import dev.vigil.TestAccounts;

class ViewAccessTests extends KaribuViewTest {

    @Test
    void anonymousVisitorOfTheDashboardIsSentToLogin() {
        UI.getCurrent().navigate("");

        _assertOne(LoginView.class);
    }

    @Test
    void anonymousVisitorOfAdminIsSentToLogin() {
        UI.getCurrent().navigate("admin");

        _assertOne(LoginView.class);
    }

    @Test
    void adminSeesTheUsersAndTokens() {
        login(TestAccounts.ADMIN, List.of("ADMIN", "MANAGER", "RESPONDER"));

        UI.getCurrent().navigate("admin");

        _assertOne(AdminView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Admin");
        @SuppressWarnings("unchecked")
        Grid<dev.vigil.security.UserSummary> users = _get(Grid.class, spec -> spec.withId("users"));
        assertThat(users.getListDataView().getItems().map(u -> u.username())).contains(TestAccounts.ADMIN);
    }

    @Test
    void responderIsRefusedTheAdminScreen() {
        login("ana", List.of("RESPONDER"));

        assertThatThrownBy(() -> UI.getCurrent().navigate("admin"))
                .isInstanceOf(MockAccessDeniedException.class);
        _assertNone(AdminView.class);
    }

    @Test
    void responderSeesTheDashboard() {
        login("ana", List.of("RESPONDER"));

        UI.getCurrent().navigate("");

        assertThat(_get(H2.class).getText()).isEqualTo("Status");
    }
}
