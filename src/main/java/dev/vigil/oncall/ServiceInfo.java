package dev.vigil.oncall;

/**
 * A service as other modules need it: where its incidents escalate and who manages it.
 *
 * @param team the team's id
 * @param escalationPolicy the policy's id
 * @param integrationKey the PagerDuty {@code routing_key} and Alertmanager webhook key of the service
 * @param manager the username of the team's manager, or null when the team has none
 * @param broadcastTopic the team's SNS topic for news of new incidents, or null
 */
public record ServiceInfo(String id, String name, String team, String escalationPolicy, String integrationKey,
        String manager, String broadcastTopic) {
}
