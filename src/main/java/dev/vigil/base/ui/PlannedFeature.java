package dev.vigil.base.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * An honest placeholder: says plainly that a screen is not built yet and what it will show,
 * so nothing in the UI pretends to work.
 */
public class PlannedFeature extends Div {

    public PlannedFeature(String issue, List<String> whatWillBeHere) {
        addClassName("vigil-planned");
        add(new H3("Not built yet"));
        add(new Paragraph("This screen arrives with " + issue + ". It will show:"));
        UnorderedList list = new UnorderedList();
        whatWillBeHere.forEach(item -> list.add(new ListItem(item)));
        add(list);
    }
}
