package dev.vigil.security.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import dev.vigil.base.ui.PlannedFeature;
import dev.vigil.security.ApiToken;
import dev.vigil.security.Scope;
import dev.vigil.security.SecurityManagement;
import dev.vigil.security.UserSummary;

/** Users and API tokens as stored (read-only for now); managing them arrives with the admin issue. */
@Route("admin")
@PageTitle("Admin · Vigil")
@RolesAllowed("ADMIN")
class AdminView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    AdminView(SecurityManagement security) {
        addClassName("vigil-view");
        add(new H2("Admin"));

        add(new H3("Users"));
        Grid<UserSummary> users = new Grid<>();
        users.addColumn(UserSummary::username).setHeader("User");
        users.addColumn(UserSummary::displayName).setHeader("Name");
        users.addColumn(u -> u.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")))
                .setHeader("Roles");
        users.addColumn(u -> TIME.format(u.createdAt())).setHeader("Created");
        users.setId("users");
        users.setItems(security.users());
        users.setAllRowsVisible(true);
        add(users);

        add(new H3("API tokens"));
        Grid<ApiToken> tokens = new Grid<>();
        tokens.addColumn(ApiToken::name).setHeader("Name");
        tokens.addColumn(t -> t.scopes().stream().map(Scope::value).sorted().collect(Collectors.joining(" ")))
                .setHeader("Scopes");
        tokens.addColumn(t -> t.lastUsedAt() == null ? "never" : TIME.format(t.lastUsedAt())).setHeader("Last used");
        tokens.addColumn(t -> t.active() ? "active" : "revoked").setHeader("Status");
        tokens.setId("api-tokens");
        tokens.setItems(security.apiTokens());
        tokens.setAllRowsVisible(true);
        add(tokens);

        add(new PlannedFeature("the admin issue (#7)", List.of(
                "creating users and changing roles",
                "creating API tokens (shown once) and revoking them",
                "integrations: SNS, CloudWatch, scrape targets, PagerDuty/Alertmanager keys",
                "the audit log")));
    }
}
