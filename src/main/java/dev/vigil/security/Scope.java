package dev.vigil.security;

import java.util.Arrays;
import java.util.Optional;

/** What an API token may do; the value is the scope name of the API contract. */
public enum Scope {
    METRICS_WRITE("metrics:write"),
    EVENTS_WRITE("events:write"),
    API_READ("api:read"),
    API_WRITE("api:write");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The Spring Security authority a token with this scope carries. */
    public String authority() {
        return "SCOPE_" + value;
    }

    public static Optional<Scope> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
