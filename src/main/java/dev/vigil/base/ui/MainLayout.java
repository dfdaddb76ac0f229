package dev.vigil.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The shared frame of every logged-in screen: navigation drawer (collapses on a phone), the signed-in
 * user and logout. Routes are named by path so that base depends on no feature module.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext auth) {
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), navigation(auth));
        addToNavbar(true, new DrawerToggle(), userBar(auth));
    }

    private static H1 brand() {
        H1 brand = new H1("Vigil");
        brand.addClassName("vigil-brand");
        return brand;
    }

    private static SideNav navigation(AuthenticationContext auth) {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Dashboard", "", VaadinIcon.DASHBOARD.create()));
        nav.addItem(new SideNavItem("Incidents", "incidents", VaadinIcon.EXCLAMATION_CIRCLE.create()));
        nav.addItem(new SideNavItem("Rules", "rules", VaadinIcon.BELL.create()));
        nav.addItem(new SideNavItem("On-call", "oncall", VaadinIcon.PHONE.create()));
        nav.addItem(new SideNavItem("Notifications", "notifications", VaadinIcon.ENVELOPE.create()));
        nav.addItem(new SideNavItem("Metrics", "metrics", VaadinIcon.CHART_LINE.create()));
        if (auth.hasRole("MANAGER")) {
            // Reports are for managers (spec.md); a responder would only meet an access-denied page.
            nav.addItem(new SideNavItem("Reports", "reports", VaadinIcon.FILE_TEXT_O.create()));
        }
        if (auth.hasRole("ADMIN")) {
            nav.addItem(new SideNavItem("Admin", "admin", VaadinIcon.COG.create()));
        }
        return nav;
    }

    private static HorizontalLayout userBar(AuthenticationContext auth) {
        Span user = new Span(auth.getPrincipalName().orElse(""));
        user.addClassName("vigil-user");
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> auth.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(user, ThemeToggle.create(), logout);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.addClassName("vigil-userbar");
        return bar;
    }
}
