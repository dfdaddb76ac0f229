package dev.vigil.base.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;

import dev.vigil.base.FieldViolation;

/**
 * Puts each violation the module reports (a JSON pointer and a reason) on the field that holds that
 * part of the document; the longest bound pointer wins, so {@code /query/labels/bad key} lands on the
 * labels field.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FieldErrors bind(String pointer, HasValidation field) {
        fields.put(pointer, field);
        return this;
    }

    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /** Marks the fields; returns the violations no field stands for. */
    public List<FieldViolation> show(List<FieldViolation> violations) {
        clear();
        Map<HasValidation, List<String>> reasons = new LinkedHashMap<>();
        List<FieldViolation> unplaced = new ArrayList<>();
        for (FieldViolation v : violations) {
            HasValidation field = fieldOf(v.pointer());
            if (field == null) {
                unplaced.add(v);
            } else {
                reasons.computeIfAbsent(field, f -> new ArrayList<>()).add(v.reason());
            }
        }
        reasons.forEach((field, texts) -> {
            String text = String.join("; ", texts);
            field.setErrorMessage(Character.toUpperCase(text.charAt(0)) + text.substring(1));
            field.setInvalid(true);
        });
        return unplaced;
    }

    private HasValidation fieldOf(String pointer) {
        String best = null;
        for (String bound : fields.keySet()) {
            boolean covers = pointer.equals(bound) || pointer.startsWith(bound + "/");
            if (covers && (best == null || bound.length() > best.length())) {
                best = bound;
            }
        }
        return best == null ? null : fields.get(best);
    }
}
