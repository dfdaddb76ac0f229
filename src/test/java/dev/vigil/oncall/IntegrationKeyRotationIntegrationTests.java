package dev.vigil.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.vigil.ApiClient;
import dev.vigil.TestAccounts;
import dev.vigil.VigilIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Rotating a service's integration key: the old key is refused from that moment, the new one works. */
@VigilIntegrationTest
class IntegrationKeyRotationIntegrationTests {

    private static final String JSON = "application/json";

    @LocalServerPort
    int port;

    @Test
    void theOldKeyIsRefusedAtTheAlertmanagerIntakeAndTheNewOneWorks() {
        ApiClient api = new ApiClient(port);
        JsonNode service = api.post("/api/v1/services", TestAccounts.API_TOKEN, JSON, """
                {"name": "rotating-%s"}""".formatted(UUID.randomUUID())).json();
        String oldKey = service.get("integrationKey").asString();
        assertThat(alertmanager(api, oldKey).status()).isEqualTo(200);

        ApiClient.Response rotated = api.post("/api/v1/services/" + service.get("id").asString()
                + "/rotate-integration-key", TestAccounts.API_TOKEN, JSON, "");

        assertThat(rotated.status()).isEqualTo(200);
        String newKey = rotated.json().get("integrationKey").asString();
        assertThat(newKey).hasSize(32).isNotEqualTo(oldKey);
        assertThat(alertmanager(api, oldKey).status()).isEqualTo(404);
        assertThat(alertmanager(api, newKey).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/services/" + service.get("id").asString(), TestAccounts.API_TOKEN).json()
                .get("integrationKey").asString()).isEqualTo(newKey);
    }

    @Test
    void onlyAdminsAndWritingTokensMayRotate() {
        ApiClient api = new ApiClient(port);

        assertThat(api.post("/api/v1/services/no-such-service/rotate-integration-key", TestAccounts.API_TOKEN, JSON, "")
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/services/anything/rotate-integration-key", null, JSON, "").status()).isEqualTo(401);
    }

    private static ApiClient.Response alertmanager(ApiClient api, String key) {
        return api.post("/api/v1/integrations/alertmanager/" + key, null, JSON, """
                {"version": "4", "groupKey": "{}:{alertname=\\"Rotation\\"}", "status": "firing", "receiver": "vigil",
                 "groupLabels": {}, "commonLabels": {"alertname": "Rotation"}, "commonAnnotations": {},
                 "externalURL": "http://alertmanager:9093",
                 "alerts": [{"status": "resolved", "labels": {"alertname": "Rotation"}, "annotations": {},
                   "startsAt": "2026-11-27T09:00:00Z", "endsAt": "2026-11-27T09:30:00Z",
                   "fingerprint": "%s"}]}""".formatted(UUID.randomUUID().toString().substring(0, 16)));
    }
}
