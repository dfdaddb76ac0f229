package dev.vigil.alerting;

/**
 * Where an alert instance (one rule, one series) stands. {@code FIRING}, and {@code NO_DATA} under
 * the {@code no-data-alert} policy, are the states that page.
 */
public enum AlertState {
    OK, PENDING, FIRING, NO_DATA
}
