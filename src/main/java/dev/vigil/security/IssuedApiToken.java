package dev.vigil.security;

/**
 * A token just created, with its secret value: the only moment the value exists outside the caller's
 * hands, since Vigil keeps just its hash. Show it once and forget it.
 */
public record IssuedApiToken(ApiToken token, String value) {

    /** Without the value, should the record ever reach a log line or an exception message. */
    @Override
    public String toString() {
        return "IssuedApiToken[token=" + token + ", value=(hidden)]";
    }
}
