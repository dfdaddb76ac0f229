package dev.vigil.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** How long a report looks back: a calendar day, an ISO week (Monday to Sunday) or a calendar month. */
public enum Period {
    DAILY, WEEKLY, MONTHLY;

    /** The API name: {@code daily}, {@code weekly}, {@code monthly}. */
    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Period> fromApiName(String name) {
        return Arrays.stream(values()).filter(p -> p.apiName().equals(name)).findFirst();
    }
}
