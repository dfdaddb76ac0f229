package dev.vigil.oncall;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.vigil.security.SecurityManagement;
import dev.vigil.security.UserSummary;

/** References as they stand now: users from the security module, documents from their tables. */
@Component
class LiveReferences implements References {

    private final SecurityManagement security;
    private final DocumentRepository documents;

    LiveReferences(SecurityManagement security, DocumentRepository documents) {
        this.security = security;
        this.documents = documents;
    }

    @Override
    public Optional<String> user(String username) {
        return security.user(username).map(UserSummary::username);
    }

    @Override
    public Optional<String> find(OnCallResource kind, String idOrName) {
        return documents.find(kind, idOrName).map(DocumentRepository.Stored::id);
    }
}
