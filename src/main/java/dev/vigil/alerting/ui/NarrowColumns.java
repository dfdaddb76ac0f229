package dev.vigil.alerting.ui;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;

import dev.vigil.base.ui.WindowWidth;

/**
 * Hides a grid's less important columns while the browser window is narrower than a breakpoint, so a
 * phone shows the few that matter without sideways scrolling. Grid columns cannot be hidden from a
 * stylesheet, hence the server follows the window's width.
 */
final class NarrowColumns {

    private NarrowColumns() {
    }

    static <T> void hide(Grid<T> grid, int breakpointPx, List<Grid.Column<T>> columns) {
        WindowWidth.follow(grid, width -> show(columns, width >= breakpointPx));
    }

    private static <T> void show(List<Grid.Column<T>> columns, boolean visible) {
        columns.forEach(c -> c.setVisible(visible));
    }
}
