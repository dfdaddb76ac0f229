package dev.vigil.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The application shell. The theme is declared explicitly: once the shell names its own stylesheet
 * Vaadin stops adding the default theme. Server push lets background work (new incidents, live
 * metrics) reach open screens without a reload. Light or dark follows the device until the user
 * picks one ({@link ThemeToggle}). No custom client bundle is needed for any of this.
 */
@Push
@ColorScheme(ColorScheme.Value.LIGHT_DARK)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://styles/vigil.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
class AppShell implements AppShellConfigurator {
}
