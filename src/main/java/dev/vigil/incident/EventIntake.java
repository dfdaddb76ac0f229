package dev.vigil.incident;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.vigil.alerting.Severity;
import dev.vigil.oncall.ServiceInfo;

/**
 * What the PagerDuty and Alertmanager intakes do with a valid event: trigger, acknowledge or resolve
 * by dedup key within the service the integration key belongs to. Keys are namespaced by service
 * ({@code checkout/disk-full}) so two services' keys never meet.
 */
@Component
class EventIntake {

    private final IncidentLifecycle lifecycle;
    private final IncidentRepository incidents;

    EventIntake(IncidentLifecycle lifecycle, IncidentRepository incidents) {
        this.lifecycle = lifecycle;
        this.incidents = incidents;
    }

    static String scopedKey(ServiceInfo service, String dedupKey) {
        return service.name() + "/" + dedupKey;
    }

    Incident trigger(ServiceInfo service, IncidentSource source, String dedupKey, String title, Severity severity,
            String runbookUrl, Map<String, String> details) {
        return lifecycle.trigger(new TriggerRequest(scopedKey(service, dedupKey), title, service.name(), severity, source,
                service.escalationPolicy(), null, runbookUrl, null, details), source.apiName()).incident();
    }

    /** Acknowledges the open incident of the key; an unknown key is not an error (PagerDuty behaves so too). */
    void acknowledge(ServiceInfo service, IncidentSource source, String dedupKey) {
        incidents.findOpen(scopedKey(service, dedupKey))
                .ifPresent(i -> lifecycle.acknowledge(i.number(), source.apiName()));
    }

    void resolve(ServiceInfo service, IncidentSource source, String dedupKey) {
        incidents.findOpen(scopedKey(service, dedupKey))
                .ifPresent(i -> lifecycle.resolve(i.number(), source.apiName(), false, "resolve event"));
    }
}
