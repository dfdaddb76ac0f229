package dev.vigil.security.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.vigil.base.ui.WindowWidth;
import dev.vigil.security.SecurityManagement;
import dev.vigil.security.UserSummary;

/** The users with their roles; a click opens one to change roles, disable or enable, or set a password. */
class UsersPanel extends VerticalLayout {

    static final int NARROW_PX = 640;

    private final SecurityManagement security;
    private final Grid<UserSummary> grid = new Grid<>();

    UsersPanel(SecurityManagement security) {
        this.security = security;
        setPadding(false);
        Button add = new Button("New user", VaadinIcon.PLUS.create(), e -> UserDialog.create(security, this::refresh).open());
        add.setId("new-user");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(add, grid());
        refresh();
    }

    private Grid<UserSummary> grid() {
        grid.setId("users");
        grid.addColumn(UserSummary::username).setHeader("User").setKey("username").setFlexGrow(1);
        Grid.Column<UserSummary> name = grid.addColumn(UserSummary::displayName).setHeader("Name").setKey("name")
                .setFlexGrow(1);
        grid.addColumn(u -> AdminTexts.joined(u.roles())).setHeader("Roles").setKey("roles").setFlexGrow(1);
        grid.addColumn(u -> u.enabled() ? "enabled" : "disabled").setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
        Grid.Column<UserSummary> created = grid.addColumn(u -> AdminTexts.time(u.createdAt())).setHeader("Created")
                .setKey("created").setAutoWidth(true).setFlexGrow(0);
        WindowWidth.follow(grid, width -> List.of(name, created).forEach(c -> c.setVisible(width >= NARROW_PX)));
        grid.addItemClickListener(e -> UserDialog.edit(security, e.getItem(), this::refresh).open());
        grid.setAllRowsVisible(true);
        return grid;
    }

    void refresh() {
        grid.setItems(security.users());
    }
}
