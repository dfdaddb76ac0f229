package dev.vigil.base.ui;

import java.util.Arrays;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.server.VaadinRequest;

/**
 * Light or dark, by the user's choice, remembered in a cookie so the server paints the right scheme from
 * the first screen (no white flash at 3 a.m.). Until someone chooses, the phone's or computer's own
 * setting decides ({@code @ColorScheme(LIGHT_DARK)} on the app shell).
 */
final class ThemeToggle {

    static final String COOKIE = "vigil-scheme";

    private ThemeToggle() {
    }

    static Button create() {
        Button toggle = new Button();
        toggle.setId("theme-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        toggle.addClassName("vigil-theme-toggle");
        chosen().ifPresent(ThemeToggle::apply);
        show(toggle, isDark());
        toggle.addClickListener(e -> {
            boolean dark = !isDark();
            apply(dark ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT);
            UI.getCurrent().getPage().executeJs("document.cookie = $0 + '=' + $1 + '; path=/; max-age=31536000; SameSite=Lax'",
                    COOKIE, dark ? "dark" : "light");
            show(toggle, dark);
        });
        return toggle;
    }

    private static void apply(ColorScheme.Value scheme) {
        UI.getCurrent().getPage().setColorScheme(scheme);
    }

    private static boolean isDark() {
        ColorScheme.Value scheme = UI.getCurrent().getPage().getColorScheme();
        return scheme == ColorScheme.Value.DARK || scheme == ColorScheme.Value.DARK_LIGHT;
    }

    private static void show(Button toggle, boolean dark) {
        toggle.setIcon(dark ? VaadinIcon.SUN_O.create() : VaadinIcon.MOON_O.create());
        toggle.setAriaLabel(dark ? "Use the light theme" : "Use the dark theme");
        toggle.setTooltipText(dark ? "Light theme" : "Dark theme");
    }

    private static Optional<ColorScheme.Value> chosen() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> COOKIE.equals(c.getName())).findFirst()
                .map(c -> "dark".equals(c.getValue()) ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT);
    }
}
