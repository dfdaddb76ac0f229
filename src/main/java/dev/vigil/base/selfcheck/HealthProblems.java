package dev.vigil.base.selfcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.stereotype.Component;

/**
 * Every Spring Boot health component that is not UP, read generically from the registry, so a component
 * another module adds (with a status of its own such as {@code DEGRADED}) shows without this code knowing
 * it. The self-monitoring component is left out: its findings are shown on their own.
 */
@Component
class HealthProblems {

    private final ObjectProvider<HealthContributorRegistry> registry;

    HealthProblems(ObjectProvider<HealthContributorRegistry> registry) {
        this.registry = registry;
    }

    List<SelfStatus.HealthProblem> read() {
        HealthContributorRegistry contributors = registry.getIfAvailable();
        List<SelfStatus.HealthProblem> problems = new ArrayList<>();
        if (contributors != null) {
            collect("", contributors, problems);
        }
        return problems;
    }

    private static void collect(String prefix, HealthContributors contributors, List<SelfStatus.HealthProblem> into) {
        contributors.stream().forEach(entry -> {
            String name = prefix + entry.name();
            if (name.equals(SelfMonitoringHealthIndicator.NAME)) {
                return;
            }
            HealthContributor contributor = entry.contributor();
            if (contributor instanceof CompositeHealthContributor composite) {
                collect(name + "/", composite, into);
            } else if (contributor instanceof HealthIndicator indicator) {
                Health health = health(indicator);
                if (!Status.UP.equals(health.getStatus())) {
                    into.add(new SelfStatus.HealthProblem(name, health.getStatus().getCode(), describe(health)));
                }
            }
        });
    }

    private static Health health(HealthIndicator indicator) {
        try {
            return indicator.health();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }

    private static String describe(Health health) {
        Map<String, Object> details = health.getDetails();
        return details.entrySet().stream().limit(4).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
