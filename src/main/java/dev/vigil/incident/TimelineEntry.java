package dev.vigil.incident;

import java.time.Instant;

/** One line of an incident's timeline: who did what, when (actions and notifications alike). */
public record TimelineEntry(Instant at, String actor, String kind, String message) {
}
