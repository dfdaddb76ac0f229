package dev.vigil.oncall;

import java.time.Duration;
import java.util.List;

/**
 * One level of an escalation plan: who is notified, and how long an acknowledgement may take before
 * the next level is. The recipients may be empty when every target is a schedule with nobody on call.
 */
public record EscalationLevel(Duration timeout, List<Recipient> recipients) {
}
