package dev.vigil.oncall;

/**
 * One way to reach a user.
 *
 * @param type {@code SMS} (address: an E.164 phone number) or {@code WEBHOOK} (address: an http(s) URL)
 */
public record ContactMethod(String type, String address) {

    public static final String SMS = "SMS";
    public static final String WEBHOOK = "WEBHOOK";
}
