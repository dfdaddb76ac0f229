package dev.vigil.metrics;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/v1/metrics/query}: aggregated series over a range. With {@code divideBy.metric}
 * (and optional {@code divideBy.label}, {@code divideBy.agg}) it answers the ratio of the two.
 */
@RestController
@RequestMapping("/api/v1/metrics")
@Tag(name = "Metrics")
class MetricsQueryController {

    private final MetricsManagement metrics;
    private final Clock clock;

    MetricsQueryController(MetricsManagement metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @GetMapping("/query")
    @PreAuthorize("hasAnyAuthority('SCOPE_api:read', 'ROLE_RESPONDER')")
    @Operation(summary = "Query a metric: avg, min, max, sum, count, rate, last, p50, p90, p95, p99 per step")
    Map<String, Object> query(@RequestParam(required = false) String metric,
            @Parameter(description = "k:v, repeatable") @RequestParam(required = false) List<String> label,
            @Parameter(description = "ISO-8601 or epoch ms; default to - 1h") @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 or epoch ms; default now") @RequestParam(required = false) String to,
            @Parameter(description = "ISO-8601 duration; default PT1M") @RequestParam(required = false) String step,
            @RequestParam(required = false, defaultValue = "avg") String agg,
            @RequestParam(name = "divideBy.metric", required = false) String divideByMetric,
            @RequestParam(name = "divideBy.label", required = false) List<String> divideByLabel,
            @RequestParam(name = "divideBy.agg", required = false) String divideByAgg) {
        List<FieldViolation> violations = new ArrayList<>();
        Instant end = instant("/to", to, clock.instant(), violations);
        Instant start = instant("/from", from, end.minus(Duration.ofHours(1)), violations);
        Duration stepDuration = duration("/step", step, violations);
        MetricQuery query = new MetricQuery(metric, labels("/label", label, violations), start, end, stepDuration,
                aggregation("/agg", agg, violations));
        MetricQuery divisor = divideByMetric == null ? null
                : new MetricQuery(divideByMetric, labels("/divideBy.label", divideByLabel, violations), start, end,
                        stepDuration, aggregation("/divideBy.agg", divideByAgg == null ? agg : divideByAgg, violations));
        if (!violations.isEmpty()) {
            throw new InvalidRequestException("The query is invalid", violations);
        }
        QueryResult result = divisor == null ? metrics.query(query) : metrics.ratio(query, divisor);
        return Map.of("resolution", result.resolution().apiName(), "series", result.series().stream()
                .map(s -> Map.of("metric", s.metric(), "labels", s.labels(), "points",
                        s.points().stream().map(p -> List.of(p.timestamp(), p.value())).toList()))
                .toList());
    }

    private static Instant instant(String pointer, String text, Instant fallback, List<FieldViolation> violations) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text))
                    : Instant.parse(text);
        } catch (DateTimeException | NumberFormatException e) {
            violations.add(new FieldViolation(pointer, "must be ISO-8601 (2026-11-27T10:00:00Z) or epoch milliseconds"));
            return fallback;
        }
    }

    private static Duration duration(String pointer, String text, List<FieldViolation> violations) {
        if (text == null || text.isBlank()) {
            return Duration.ofMinutes(1);
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeException e) {
            violations.add(new FieldViolation(pointer, "must be an ISO-8601 duration such as PT1M"));
            return Duration.ofMinutes(1);
        }
    }

    private static Aggregation aggregation(String pointer, String name, List<FieldViolation> violations) {
        return Aggregation.fromApiName(name).orElseGet(() -> {
            violations.add(new FieldViolation(pointer,
                    "must be one of avg, min, max, sum, count, rate, last, p50, p90, p95, p99"));
            return Aggregation.AVG;
        });
    }

    private static Map<String, String> labels(String pointer, List<String> pairs, List<FieldViolation> violations) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (pairs != null) {
            for (String pair : pairs) {
                int colon = pair.indexOf(':');
                if (colon < 1) {
                    violations.add(new FieldViolation(pointer, "'" + pair + "' must be name:value"));
                } else {
                    labels.put(pair.substring(0, colon), pair.substring(colon + 1));
                }
            }
        }
        return labels;
    }
}
