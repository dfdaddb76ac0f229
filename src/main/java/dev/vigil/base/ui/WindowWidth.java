package dev.vigil.base.ui;

import java.util.function.IntConsumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/**
 * Tells a component the browser window's width, at attach and whenever it is resized. Grid columns live
 * in the grid's shadow DOM, out of a stylesheet's reach, so the server has to switch them; until the
 * browser answers, the widest layout stands.
 */
public final class WindowWidth {

    private WindowWidth() {
    }

    public static void follow(Component component, IntConsumer width) {
        Registration[] resize = new Registration[1];
        component.addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> width.accept(details.getWindowInnerWidth()));
            resize[0] = page.addBrowserWindowResizeListener(e -> width.accept(e.getWidth()));
        });
        component.addDetachListener(detach -> {
            if (resize[0] != null) {
                resize[0].remove();
                resize[0] = null;
            }
        });
    }
}
