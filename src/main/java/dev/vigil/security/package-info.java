/**
 * Security: users with roles ({@link dev.vigil.security.Role}), API tokens with scopes
 * ({@link dev.vigil.security.Scope}), form login for the UI, Bearer tokens for the API, the bootstrap
 * admin and token, and the audit log. Every module may ask {@link dev.vigil.security.SecurityManagement}
 * who the caller is and records its changes with {@link dev.vigil.security.AuditTrail}, in the change's
 * own transaction. The admin screen shows the integrations other modules contribute through
 * {@code base.ui.AdminIntegration}, so this module depends on none of them. Publishes and consumes no
 * events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package dev.vigil.security;
