package dev.vigil.alerting.ui;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

import dev.vigil.alerting.AlertingManagement;
import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;

/**
 * Rules as code, inbound: a YAML file replaces or adds the rules it names, all or none. When it is
 * refused, every violation is listed with its line so the file can be fixed in one pass.
 */
class RuleImport extends Upload {

    private static final int MAX_BYTES = 1024 * 1024;

    RuleImport(AlertingManagement alerting, Runnable afterImport) {
        setId("import");
        setMaxFiles(1);
        setMaxFileSize(MAX_BYTES);
        setDropAllowed(false);
        setAcceptedFileTypes(".yaml", ".yml", "application/yaml", "text/yaml");
        setUploadButton(new Button("Import YAML", VaadinIcon.UPLOAD.create()));
        addClassName("vigil-import");
        // Runs under the UI's lock (the in-memory handler's contract), so it may touch components.
        setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            clearFileList();
            importYaml(alerting, new String(bytes, StandardCharsets.UTF_8));
            afterImport.run();
        }));
    }

    private static void importYaml(AlertingManagement alerting, String yaml) {
        try {
            AlertingManagement.ImportSummary summary = Feedback.asRole("manager", () -> alerting.importYaml(yaml));
            if (summary != null) {
                Feedback.success("Imported: " + summary.created().size() + " created, " + summary.updated().size()
                        + " updated.");
            }
        } catch (InvalidRequestException e) {
            showViolations(e.violations());
        }
    }

    private static void showViolations(List<FieldViolation> violations) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Import refused: nothing was changed");
        UnorderedList list = new UnorderedList();
        list.setId("import-violations");
        list.addClassName("vigil-violations");
        for (FieldViolation v : violations) {
            list.add(new ListItem(new Code(v.pointer()), new Span(" " + v.reason())));
        }
        dialog.add(new Paragraph(violations.size() + (violations.size() == 1 ? " problem" : " problems")
                + " in the file; fix them and import again."), list);
        Button close = new Button("Close", e -> dialog.close());
        close.setId("close-violations");
        dialog.getFooter().add(close);
        dialog.setMaxWidth("48rem");
        dialog.open();
    }
}
