package dev.vigil.alerting.ui;

import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.router.HighlightConditions;
import com.vaadin.flow.router.RouterLink;

/** The two pages of alerting, side by side under the title: rules and silences. */
final class AlertingNav {

    private AlertingNav() {
    }

    static Nav links() {
        RouterLink rules = new RouterLink("Rules", RulesView.class);
        // The default (location prefix) would light "Rules" up on /rules/silences as well.
        rules.setHighlightCondition(HighlightConditions.sameLocation());
        Nav nav = new Nav(rules, new RouterLink("Silences", SilencesView.class));
        nav.addClassName("vigil-subnav");
        return nav;
    }
}
