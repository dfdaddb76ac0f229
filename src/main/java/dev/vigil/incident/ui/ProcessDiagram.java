package dev.vigil.incident.ui;

import java.io.ByteArrayInputStream;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/**
 * The incident's BPMN process with the step it is at highlighted, as the module renders it. Shown at
 * its own size and scrolled sideways on a phone: shrunk to 360 px, its labels could not be read.
 */
class ProcessDiagram extends Div {

    private final Div viewport = new Div();
    private final Paragraph none = new Paragraph("This incident has no process (yet) to show.");

    ProcessDiagram() {
        addClassName("vigil-incident-section");
        viewport.setId("process-diagram");
        viewport.addClassName("vigil-diagram");
        none.addClassName("vigil-hint");
        Paragraph hint = new Paragraph("The highlighted step is where the incident stands.");
        hint.addClassName("vigil-hint");
        add(new H3("Process"), hint, none, viewport);
    }

    /**
     * @param png the diagram, empty when there is none. The caller reads it up front rather than per image
     *        request: that tells whether there is one to show, and renders it once per process step.
     */
    void show(String incidentId, byte[] png) {
        viewport.removeAll();
        none.setVisible(png.length == 0);
        if (png.length == 0) {
            return;
        }
        DownloadHandler image = DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(png), incidentId + "-process.png", "image/png", png.length));
        Image diagram = new Image(image, "Process diagram of " + incidentId + " with its current step highlighted");
        diagram.setId("process-image");
        viewport.add(diagram);
    }
}
