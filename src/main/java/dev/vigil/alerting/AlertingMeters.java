package dev.vigil.alerting;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Vigil's own alerting figures on {@code /actuator/prometheus}: rules evaluated, alerts fired and
 * recovered, how long a cycle takes and how late it started against its planned time.
 */
@Component
class AlertingMeters {

    private final MeterRegistry registry;
    private final Counter evaluations;
    private final Counter recovered;

    AlertingMeters(MeterRegistry registry) {
        this.registry = registry;
        this.evaluations = Counter.builder("vigil.alerting.rule.evaluations")
                .description("Rule evaluations").register(registry);
        this.recovered = Counter.builder("vigil.alerting.alerts.recovered")
                .description("Alerts that stopped paging").register(registry);
    }

    void cycle(int rules, List<AlertFired> fired, int recoveredCount) {
        evaluations.increment(rules);
        recovered.increment(recoveredCount);
        fired.forEach(f -> Counter.builder("vigil.alerting.alerts.fired").description("Alerts that started paging")
                .tag("severity", f.severity().apiName()).register(registry).increment());
    }

    void lag(Duration interval, Duration lag) {
        Timer.builder("vigil.alerting.evaluation.lag")
                .description("How late an evaluation cycle started against its planned time")
                .tag("interval", interval.toString())
                .publishPercentileHistogram()
                .register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    void duration(Duration interval, Duration took) {
        Timer.builder("vigil.alerting.evaluation.duration")
                .description("How long one evaluation cycle of all rules of an interval took")
                .tag("interval", interval.toString())
                .publishPercentileHistogram()
                .register(registry).record(took);
    }
}
