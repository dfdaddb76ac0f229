package dev.vigil.incident;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What opened an incident. */
public enum IncidentSource {
    RULE("rule"), EVENTS_API("events-api"), ALERTMANAGER("alertmanager"), MANUAL("manual"),
    /** Vigil's watchdog: a part of Vigil itself stalled. */
    SELF_MONITORING("self-monitoring");

    private final String apiName;

    IncidentSource(String apiName) {
        this.apiName = apiName;
    }

    @JsonValue
    public String apiName() {
        return apiName;
    }

    public static Optional<IncidentSource> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName.equals(name)).findFirst();
    }
}
