package dev.vigil.oncall;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Services. Vigil gives each a random integration key when it is created and keeps it when the service
 * is replaced; a team a service names that does not exist yet is created with it, so the documents of
 * the API contract work as written.
 */
@Component
class ServiceStore extends DocumentStore<ServiceEntry> {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TeamStore teams;

    ServiceStore(DocumentRepository documents, LiveReferences references, TeamStore teams) {
        super(OnCallResource.SERVICES, documents, references, ServiceEntry::read, ServiceEntry::write,
                (service, id) -> service.with(id, service.team(), service.integrationKey()));
        this.teams = teams;
    }

    @Override
    ServiceEntry beforeCreate(ServiceEntry service, JsonNode body) {
        return service.with(service.id(), teams.ensure(service.team()), newIntegrationKey());
    }

    @Override
    ServiceEntry beforeUpdate(ServiceEntry existing, ServiceEntry replacement, JsonNode body) {
        return replacement.with(existing.id(), teams.ensure(replacement.team()), existing.integrationKey());
    }

    Optional<ServiceEntry> byIntegrationKey(String key) {
        return key == null ? Optional.empty() : documents.serviceByIntegrationKey(key).map(this::parse);
    }

    /** A new key for the service; the old one finds nothing from the moment this commits. */
    @Transactional
    ServiceEntry rotateIntegrationKey(String idOrName) {
        ServiceEntry existing = get(idOrName);
        ServiceEntry rotated = existing.with(existing.id(), existing.team(), newIntegrationKey());
        documents.update(kind, rotated, write(rotated));
        documents.setIntegrationKey(rotated.id(), rotated.integrationKey());
        return rotated;
    }

    /** 128 random bits as 32 hex characters, the length of a PagerDuty integration key. */
    static String newIntegrationKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
