package dev.vigil.security;

/**
 * A token just created, with its secret value: the only moment the value exists outside the caller's
 * hands, since Vigil keeps just its hash. Show it once and forget it.
 */
public record IssuedApiToken(ApiToken token, String value) {
}
