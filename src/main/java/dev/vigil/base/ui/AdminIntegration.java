package dev.vigil.base.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * One integration on the admin screen (SNS, CloudWatch, scrape targets, services' integration keys),
 * contributed as a Spring bean by the module that owns it. The admin screen lives in the security module,
 * which every module depends on; gathering these beans keeps it from depending back on them.
 * Secrets (AWS keys, shared secrets) never appear here.
 */
public interface AdminIntegration {

    /** One setting as an admin sees it. */
    record Setting(String name, String value) {
    }

    /** Where it stands among the others, lowest first. */
    int order();

    String title();

    /** What is configured; shown as a list of settings unless {@link #view()} offers more. */
    List<Setting> settings();

    /** The integration's part of the admin screen; built anew for each screen. */
    default Component view() {
        return settingsList(settings());
    }

    /** Settings as name/value lines that wrap on a phone rather than scroll sideways. */
    static Component settingsList(List<Setting> settings) {
        Div list = new Div();
        list.addClassName("vigil-settings");
        for (Setting setting : settings) {
            Div line = new Div();
            line.addClassName("vigil-setting");
            // Long URLs and ARNs break anywhere rather than push the screen sideways on a phone.
            line.getStyle().set("overflow-wrap", "anywhere");
            Span name = new Span(setting.name() + ": ");
            name.getStyle().set("font-weight", "600");
            Span value = new Span(setting.value() == null || setting.value().isBlank() ? "—" : setting.value());
            line.add(name, value);
            list.add(line);
        }
        return list;
    }
}
