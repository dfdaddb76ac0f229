package dev.vigil.alerting.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;

/**
 * Hides a grid's less important columns while the browser window is narrower than a breakpoint, so a
 * phone shows the few that matter without sideways scrolling. Grid columns cannot be hidden from a
 * stylesheet, hence the server follows the window's width.
 */
final class NarrowColumns {

    private NarrowColumns() {
    }

    static <T> void hide(Grid<T> grid, int breakpointPx, List<Grid.Column<T>> columns) {
        List<Registration> registrations = new ArrayList<>();
        grid.addAttachListener(e -> {
            UI ui = e.getUI();
            registrations.add(ui.getPage().addBrowserWindowResizeListener(r -> show(columns, r.getWidth() >= breakpointPx)));
            ui.getPage().retrieveExtendedClientDetails(d -> show(columns, d.getWindowInnerWidth() >= breakpointPx));
        });
        grid.addDetachListener(e -> {
            registrations.forEach(Registration::remove);
            registrations.clear();
        });
    }

    private static <T> void show(List<Grid.Column<T>> columns, boolean visible) {
        columns.forEach(c -> c.setVisible(visible));
    }
}
