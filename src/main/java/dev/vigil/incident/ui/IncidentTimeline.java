package dev.vigil.incident.ui;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import dev.vigil.incident.TimelineEntry;

/** Everything that happened to the incident, newest first: what the responder missed comes first. */
class IncidentTimeline extends Div {

    private final UnorderedList entries = new UnorderedList();

    IncidentTimeline() {
        addClassName("vigil-incident-section");
        entries.setId("timeline");
        entries.addClassName("vigil-timeline");
        add(new H3("Timeline"), entries);
    }

    void show(List<TimelineEntry> timeline, Instant now) {
        entries.removeAll();
        timeline.stream().sorted(Comparator.comparing(TimelineEntry::at).reversed())
                .forEach(entry -> entries.add(item(entry, now)));
    }

    private static ListItem item(TimelineEntry entry, Instant now) {
        Span at = new Span(IncidentTexts.moment(entry.at(), now));
        at.addClassName("vigil-timeline-at");
        at.getElement().setAttribute("title", IncidentTexts.relative(entry.at(), now));
        Span kind = new Span(entry.kind());
        kind.getElement().setAttribute("theme", "badge small contrast");
        Span actor = new Span(entry.actor());
        actor.addClassName("vigil-hint");
        Div meta = new Div(at, kind, actor);
        meta.addClassName("vigil-timeline-meta");
        Div message = new Div(entry.message());
        message.addClassName("vigil-timeline-message");
        ListItem item = new ListItem(meta, message);
        item.addClassName("vigil-timeline-entry");
        return item;
    }
}
