package dev.vigil.oncall;

import java.time.Instant;

/**
 * Who is on call for a schedule over a stretch of time.
 *
 * @param end exclusive; null when it lies beyond the horizon that was looked at
 * @param source the name of the rotation layer, or {@code override}
 */
public record Shift(String username, Instant start, Instant end, String source) {

    public static final String OVERRIDE = "override";
}
