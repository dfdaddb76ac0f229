/**
 * Security: users with roles ({@link dev.vigil.security.Role}), API tokens with scopes
 * ({@link dev.vigil.security.Scope}), form login for the UI, Bearer tokens for the API, and the
 * bootstrap admin and token. Every module may ask {@link dev.vigil.security.SecurityManagement} who
 * the caller is. Publishes and consumes no events yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package dev.vigil.security;
