package dev.vigil.security.ui;

import java.util.List;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import dev.vigil.base.ui.AdminIntegration;
import dev.vigil.security.AuditTrail;
import dev.vigil.security.SecurityManagement;

/**
 * Admin: users and roles, API tokens (shown once), the integrations as configured, and the audit log.
 * Integrations come from the modules that own them, so this screen depends on none of them.
 */
@Route("admin")
@PageTitle("Admin · Vigil")
@RolesAllowed("ADMIN")
class AdminView extends VerticalLayout {

    AdminView(SecurityManagement security, AuditTrail audit, List<AdminIntegration> integrations) {
        addClassName("vigil-view");
        TabSheet tabs = new TabSheet();
        tabs.setId("admin-tabs");
        tabs.setWidthFull();
        AuditPanel auditPanel = new AuditPanel(audit);
        tabs.add("Users", new UsersPanel(security));
        tabs.add("API tokens", new TokensPanel(security));
        tabs.add("Integrations", new IntegrationsPanel(integrations));
        tabs.add("Audit log", auditPanel);
        // What was just changed on the other tabs is in the log when it is opened.
        tabs.addSelectedChangeListener(e -> auditPanel.refresh());
        add(new H2("Admin"), tabs);
    }
}
