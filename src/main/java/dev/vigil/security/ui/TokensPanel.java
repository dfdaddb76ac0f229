package dev.vigil.security.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.vigil.base.ui.FieldErrors;
import dev.vigil.base.ui.WindowWidth;
import dev.vigil.security.ApiToken;
import dev.vigil.security.Scope;
import dev.vigil.security.SecurityManagement;

/** API tokens without their values (Vigil has only hashes); new ones are shown once, old ones revoked. */
class TokensPanel extends VerticalLayout {

    private final SecurityManagement security;
    private final Grid<ApiToken> grid = new Grid<>();

    TokensPanel(SecurityManagement security) {
        this.security = security;
        setPadding(false);
        Button add = new Button("New token", VaadinIcon.PLUS.create(), e -> new NewTokenDialog(security, this::refresh).open());
        add.setId("new-token");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(add, grid());
        refresh();
    }

    private Grid<ApiToken> grid() {
        grid.setId("api-tokens");
        grid.addColumn(ApiToken::name).setHeader("Name").setKey("name").setFlexGrow(1);
        grid.addColumn(t -> String.join(" ", t.scopes().stream().map(Scope::value).sorted().toList()))
                .setHeader("Scopes").setKey("scopes").setFlexGrow(1);
        Grid.Column<ApiToken> lastUsed = grid.addColumn(t -> AdminTexts.time(t.lastUsedAt())).setHeader("Last used")
                .setKey("last-used").setAutoWidth(true).setFlexGrow(0);
        Grid.Column<ApiToken> createdBy = grid.addColumn(ApiToken::createdBy).setHeader("Created by")
                .setKey("created-by").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::statusOrRevoke).setHeader("").setKey("revoke").setAutoWidth(true).setFlexGrow(0);
        WindowWidth.follow(grid, width -> List.of(lastUsed, createdBy)
                .forEach(c -> c.setVisible(width >= UsersPanel.NARROW_PX)));
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Component statusOrRevoke(ApiToken token) {
        if (!token.active()) {
            return new Span("revoked " + AdminTexts.time(token.revokedAt()));
        }
        Button revoke = new Button("Revoke", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Revoke “" + token.name() + "”?",
                    "Scripts using it get 401 from the next request on. This cannot be undone.", "Revoke",
                    c -> revoke(token));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }

    void revoke(ApiToken token) {
        if (AdminTexts.attempt(new FieldErrors(), () -> security.revokeApiToken(token.id())) != null) {
            AdminTexts.success("Revoked " + token.name() + ".");
            refresh();
        }
    }

    void refresh() {
        grid.setItems(security.apiTokens());
    }
}
