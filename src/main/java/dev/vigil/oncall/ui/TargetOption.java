package dev.vigil.oncall.ui;

/** Something a level can page: a user (ref = username) or a schedule (ref = id). */
record TargetOption(String type, String ref, String label) {

    static TargetOption user(String username) {
        return new TargetOption("USER", username, username);
    }

    static TargetOption schedule(String id, String name) {
        return new TargetOption("SCHEDULE", id, name + " (schedule)");
    }
}
