package dev.vigil.oncall.ui;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.vigil.base.ui.AdminIntegration;
import dev.vigil.oncall.OnCallManagement;
import dev.vigil.oncall.OnCallResource;
import tools.jackson.databind.JsonNode;

/**
 * Each service's integration key on the admin screen: the PagerDuty routing key and the Alertmanager
 * webhook URL that carry it, and a way to rotate it when it leaked. One card per service, so a phone
 * shows them without sideways scrolling.
 */
@Component
class ServiceKeysIntegration implements AdminIntegration {

    private static final int MAX_SERVICES = 1000;

    private final OnCallManagement oncall;
    private final String publicUrl;

    ServiceKeysIntegration(OnCallManagement oncall, @Value("${vigil.public-url}") String publicUrl) {
        this.oncall = oncall;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String title() {
        return "PagerDuty and Alertmanager integration keys";
    }

    @Override
    public List<Setting> settings() {
        List<Setting> settings = new ArrayList<>();
        settings.add(new Setting("PagerDuty Events API v2", publicUrl + "/v2/enqueue (routing_key: the service's key)"));
        settings.add(new Setting("Alertmanager webhook", publicUrl + "/api/v1/integrations/alertmanager/<key>"));
        return settings;
    }

    @Override
    public com.vaadin.flow.component.Component view() {
        VerticalLayout view = new VerticalLayout(AdminIntegration.settingsList(settings()));
        view.setPadding(false);
        Div cards = new Div();
        cards.setId("service-keys");
        view.add(cards);
        fill(cards);
        return view;
    }

    private void fill(Div cards) {
        cards.removeAll();
        List<JsonNode> services = oncall.list(OnCallResource.SERVICES, 0, MAX_SERVICES);
        if (services.isEmpty()) {
            cards.add(new Paragraph("No services yet: each service created on the On-call screen or through "
                    + "/api/v1/services gets a key."));
        }
        services.forEach(service -> cards.add(card(service, () -> fill(cards))));
    }

    private Div card(JsonNode service, Runnable refresh) {
        String id = service.get("id").asString();
        String key = service.get("integrationKey").asString();
        Div card = new Div();
        card.addClassName("vigil-service-key");
        card.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        card.add(AdminIntegration.settingsList(List.of(
                new Setting("Service", service.get("name").asString()),
                new Setting("Routing key", key),
                new Setting("Alertmanager URL", publicUrl + "/api/v1/integrations/alertmanager/" + key))));
        Button rotate = new Button("Rotate key", e -> confirmRotation(service.get("name").asString(), id, refresh));
        rotate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        rotate.setId("rotate-" + id);
        card.add(rotate);
        return card;
    }

    private void confirmRotation(String name, String id, Runnable refresh) {
        ConfirmDialog confirm = new ConfirmDialog("Rotate the key of " + name + "?",
                "The current key stops working at once: PagerDuty senders and Alertmanager must be given the new one.",
                "Rotate", e -> rotate(id, refresh));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void rotate(String id, Runnable refresh) {
        try {
            oncall.rotateIntegrationKey(id);
            OnCallTexts.success("New key issued; the old one no longer works.");
            refresh.run();
        } catch (AccessDeniedException e) {
            OnCallTexts.error("You need the admin role to rotate keys.");
        }
    }
}
