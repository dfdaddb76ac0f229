package dev.vigil.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Re-reads a view every few seconds while it is on screen, by the browser polling: changes made on
 * another node (a colleague acknowledging, an escalation timer) show up without a reload, which a push
 * from this node's own events alone would miss.
 */
public final class LiveRefresh {

    /** How many live views a UI has: one view leaving must not stop the poll of the one arriving. */
    private record Watchers(int count) {
    }

    private LiveRefresh() {
    }

    public static void every(int millis, Component view, Runnable refresh) {
        Registration[] polling = new Registration[1];
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ComponentUtil.setData(ui, Watchers.class, new Watchers(watchers(ui) + 1));
            ui.setPollInterval(millis);
            polling[0] = ui.addPollListener(poll -> refresh.run());
        });
        view.addDetachListener(detach -> {
            UI ui = detach.getUI();
            int left = watchers(ui) - 1;
            ComponentUtil.setData(ui, Watchers.class, new Watchers(Math.max(left, 0)));
            if (left <= 0) {
                ui.setPollInterval(-1);
            }
            polling[0].remove();
        });
    }

    private static int watchers(UI ui) {
        Watchers watchers = ComponentUtil.getData(ui, Watchers.class);
        return watchers == null ? 0 : watchers.count();
    }
}
