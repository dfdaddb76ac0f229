/**
 * Base: what every module shares and nothing more. RFC 9457 problem details for the API, the
 * scheduler heartbeat that proves Quartz is firing, and the shared UI (app shell, main layout).
 * Publishes and consumes no events; depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Base",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.vigil.base;
