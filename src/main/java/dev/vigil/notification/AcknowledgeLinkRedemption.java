package dev.vigil.notification;

import java.time.Instant;

/**
 * What using a one-tap acknowledge link came to.
 *
 * @param status VALID (the link is now used up: acknowledge), INVALID (unknown or tampered), EXPIRED or USED
 * @param usedAt for USED: when it was used
 */
public record AcknowledgeLinkRedemption(Status status, String incidentId, String username, Instant usedAt) {

    public enum Status { VALID, INVALID, EXPIRED, USED }

    static AcknowledgeLinkRedemption refused(Status status) {
        return new AcknowledgeLinkRedemption(status, null, null, null);
    }
}
