/**
 * Notifications: the durable outbox and its delivery worker, channels (SNS SMS, SNS topic, webhook,
 * log), retries, fallback and the one-tap acknowledge link. The only module that knows the AWS SNS SDK.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"base", "oncall", "security"})
package dev.vigil.notification;
