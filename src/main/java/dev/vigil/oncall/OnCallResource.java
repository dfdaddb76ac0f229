package dev.vigil.oncall;

/** The kinds of on-call document the API manages alike (create, read, replace, delete by id or name). */
public enum OnCallResource {
    TEAMS("teams", "team"),
    SERVICES("services", "service"),
    ESCALATION_POLICIES("escalation-policies", "escalation policy"),
    SCHEDULES("schedules", "schedule");

    private final String path;
    private final String singular;

    OnCallResource(String path, String singular) {
        this.path = path;
        this.singular = singular;
    }

    /** The segment under {@code /api/v1/}. */
    public String path() {
        return path;
    }

    /** "escalation policy", for messages. */
    public String singular() {
        return singular;
    }
}
