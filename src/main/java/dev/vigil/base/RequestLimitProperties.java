package dev.vigil.base;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code vigil.web.limits.*}: the largest request body per path family and what the JSON parser accepts.
 * A larger body is refused with 413 before any of it is parsed or stored.
 *
 * @param api every other {@code /api/**} request (rules, on-call documents, incidents, ...)
 * @param metrics {@code POST /api/v1/metrics} batches; {@code vigil.metrics.max-request-size} applies too,
 *        the smaller one wins
 * @param events {@code /v2/**} (PagerDuty documents 512 KB per event) and the Alertmanager webhook
 *        {@code /api/v1/integrations/**}
 * @param links {@code /a/**}, the one-tap acknowledge links, which carry no body worth the name
 * @param jsonMaxDepth deepest nesting of JSON objects and arrays; deeper is a 400, never a stack overflow
 * @param jsonMaxStringLength longest JSON string value, in characters
 * @param jsonMaxNumberLength longest JSON number, in digits (big numbers are costly to parse)
 * @param jsonMaxNameLength longest JSON property name, in characters
 */
@Validated
@ConfigurationProperties("vigil.web.limits")
record RequestLimitProperties(
        @DefaultValue("1MB") DataSize api,
        @DefaultValue("16MB") DataSize metrics,
        @DefaultValue("512KB") DataSize events,
        @DefaultValue("16KB") DataSize links,
        @DefaultValue("100") @Min(8) @Max(1000) int jsonMaxDepth,
        @DefaultValue("1000000") @Min(1000) int jsonMaxStringLength,
        @DefaultValue("100") @Min(20) @Max(1000) int jsonMaxNumberLength,
        @DefaultValue("1000") @Min(50) int jsonMaxNameLength) {

    /** The body limit for a request path, or {@code null} where Vigil sets none (the UI, actuator). */
    DataSize bodyLimitFor(String path) {
        if (path.equals("/api/v1/metrics")) {
            return metrics;
        }
        if (path.startsWith("/v2/") || path.startsWith("/api/v1/integrations/")) {
            return events;
        }
        if (path.startsWith("/api/")) {
            return api;
        }
        if (path.startsWith("/a/")) {
            return links;
        }
        return null;
    }
}
