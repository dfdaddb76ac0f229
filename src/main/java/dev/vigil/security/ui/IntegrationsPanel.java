package dev.vigil.security.ui;

import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.vigil.base.ui.AdminIntegration;

/** The integrations each module contributes (SNS, CloudWatch, scrape targets, services' keys), in order. */
class IntegrationsPanel extends VerticalLayout {

    IntegrationsPanel(List<AdminIntegration> integrations) {
        setPadding(false);
        setId("integrations");
        integrations.stream().sorted(Comparator.comparingInt(AdminIntegration::order))
                .forEach(integration -> add(new H3(integration.title()), integration.view()));
    }
}
