package dev.vigil.oncall.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.HasValidation;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;

/**
 * Runs a change through the module and shows what it refused on the fields that hold those parts of
 * the document: a violation lands on the field bound to the longest pointer that contains it
 * ({@code /levels/1/targets/0/ref} on level 1's targets). The module is the only judge of validity.
 */
final class ViolationMarks {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    ViolationMarks bind(String pointer, HasValidation field) {
        fields.put(pointer, field);
        return this;
    }

    /** Runs the change; on refusal marks the fields, says what no field shows, and returns empty. */
    <T> Optional<T> run(String what, Supplier<T> change) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        try {
            return Optional.ofNullable(change.get());
        } catch (InvalidRequestException e) {
            show(what, e.violations());
        } catch (AccessDeniedException e) {
            OnCallTexts.error("You need the manager role to change on-call settings.");
        }
        return Optional.empty();
    }

    private void show(String what, List<FieldViolation> violations) {
        Map<HasValidation, List<String>> marked = new LinkedHashMap<>();
        List<String> elsewhere = new ArrayList<>();
        for (FieldViolation v : violations) {
            fields.entrySet().stream()
                    .filter(e -> v.pointer().equals(e.getKey()) || v.pointer().startsWith(e.getKey() + "/"))
                    .max(Comparator.comparingInt(e -> e.getKey().length()))
                    .ifPresentOrElse(e -> marked.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(v.reason()),
                            () -> elsewhere.add(v.pointer() + " " + v.reason()));
        }
        marked.forEach((field, reasons) -> {
            String text = String.join("; ", reasons);
            field.setErrorMessage(Character.toUpperCase(text.charAt(0)) + text.substring(1));
            field.setInvalid(true);
        });
        OnCallTexts.error(what + ": " + (elsewhere.isEmpty() ? "see the marked fields" : String.join("; ", elsewhere)) + ".");
    }
}
