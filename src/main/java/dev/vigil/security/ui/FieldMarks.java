package dev.vigil.security.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;

import dev.vigil.base.FieldViolation;

/**
 * Shows the security module's refusals next to the fields they are about. The forms here are flat, so a
 * violation belongs to the field of its pointer's first segment ({@code /roles/1} to the roles).
 */
final class FieldMarks {

    private final Map<String, HasValidation> fields = new HashMap<>();

    FieldMarks bind(String pointer, HasValidation field) {
        fields.put(pointer, field);
        return this;
    }

    /** Marks the fields; returns what no field stands for, as text (empty when every violation found one). */
    String show(List<FieldViolation> violations) {
        fields.values().forEach(field -> field.setInvalid(false));
        Map<HasValidation, String> reasons = new LinkedHashMap<>();
        List<String> elsewhere = new ArrayList<>();
        for (FieldViolation violation : violations) {
            HasValidation field = fields.get(violation.pointer().replaceAll("^(/[^/]*).*$", "$1"));
            if (field == null) {
                elsewhere.add(violation.pointer() + " " + violation.reason());
            } else {
                reasons.merge(field, violation.reason(), (a, b) -> a + "; " + b);
            }
        }
        reasons.forEach((field, text) -> {
            field.setErrorMessage(Character.toUpperCase(text.charAt(0)) + text.substring(1));
            field.setInvalid(true);
        });
        return String.join("; ", elsewhere);
    }
}
