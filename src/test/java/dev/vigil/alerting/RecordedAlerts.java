package dev.vigil.alerting;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener (picked up by the test context's component scan) that records the alerting
 * events the Quartz threads publish, so tests can wait for them.
 */
@Component
class RecordedAlerts {

    final List<AlertFired> fired = new CopyOnWriteArrayList<>();
    final List<AlertRecovered> recovered = new CopyOnWriteArrayList<>();

    @EventListener
    void on(AlertFired event) {
        fired.add(event);
    }

    @EventListener
    void on(AlertRecovered event) {
        recovered.add(event);
    }

    List<AlertFired> firedFor(String ruleId) {
        return fired.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    List<AlertRecovered> recoveredFor(String ruleId) {
        return recovered.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }
}
