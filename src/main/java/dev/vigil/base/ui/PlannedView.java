package dev.vigil.base.ui;

import java.util.List;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A screen whose issue has not landed yet: its title and an honest {@link PlannedFeature}. */
public abstract class PlannedView extends VerticalLayout {

    protected PlannedView(String title, String issue, List<String> whatWillBeHere) {
        addClassName("vigil-view");
        add(new H2(title));
        add(new PlannedFeature(issue, whatWillBeHere));
    }
}
