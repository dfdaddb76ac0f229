package dev.vigil.oncall;

import java.util.List;

/** A person to notify, with the ways to reach them in the order to try. */
public record Recipient(String username, String displayName, List<ContactMethod> contactMethods) {
}
