package dev.vigil.oncall;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.base.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates, replaces and deletes one kind of on-call document. Every check (shape, references, unique
 * name) runs before anything is written, so a refused request stores nothing. Ids are given or made
 * from the name ({@code Checkout Primary} → {@code checkout-primary}) and never change; documents are
 * found by id or name.
 */
abstract class DocumentStore<T extends OnCallDocument> {

    /** Reads a document, recording what is wrong with it. */
    @FunctionalInterface
    interface Reader<T> {
        T read(JsonNode node, References refs, List<FieldViolation> violations);
    }

    final OnCallResource kind;
    final DocumentRepository documents;
    private final References references;
    private final Reader<T> reader;
    private final Function<T, ObjectNode> writer;
    private final BiFunction<T, String, T> withId;

    /**
     * @param reader reads (and checks) a document of this kind
     * @param writer the document as the API shows it and the database stores it
     * @param withId the document with its final id
     */
    DocumentStore(OnCallResource kind, DocumentRepository documents, References references, Reader<T> reader,
            Function<T, ObjectNode> writer, BiFunction<T, String, T> withId) {
        this.kind = kind;
        this.documents = documents;
        this.references = references;
        this.reader = reader;
        this.writer = writer;
        this.withId = withId;
    }

    ObjectNode write(T document) {
        return writer.apply(document);
    }

    /** Completes a valid new document before it is stored (generated values, implied documents). */
    T beforeCreate(T document, JsonNode body) {
        return document;
    }

    /** Completes a valid replacement before it is stored, e.g. with what the body may leave out. */
    T beforeUpdate(T existing, T replacement, JsonNode body) {
        return replacement;
    }

    /** Why the document may not be deleted (what still uses it); empty when it may. */
    List<String> deleteBlockers(T document) {
        return List.of();
    }

    List<T> all() {
        return documents.all(kind).stream().map(this::parse).toList();
    }

    List<T> page(int page, int size) {
        return documents.page(kind, page * size, size).stream().map(this::parse).toList();
    }

    long count() {
        return documents.count(kind);
    }

    Optional<T> find(String idOrName) {
        return idOrName == null ? Optional.empty() : documents.find(kind, idOrName).map(this::parse);
    }

    T get(String idOrName) {
        return find(idOrName).orElseThrow(() -> new NotFoundException("No " + kind.singular() + " has the id or name "
                + idOrName));
    }

    @Transactional
    T create(JsonNode body) {
        T document = valid(body);
        String id = document.id() != null ? document.id() : freeId(slug(document.name()));
        if (document.id() != null && documents.exists(kind, id)) {
            throw new InvalidRequestException("/id", "is already the id of another " + kind.singular());
        }
        checkNameFree(document.name(), null);
        T complete = beforeCreate(withId.apply(document, id), body);
        try {
            documents.insert(kind, complete, write(complete));
        } catch (DuplicateKeyException raceWithAnotherRequest) {
            throw new InvalidRequestException("/name", "was taken by another " + kind.singular() + " just now");
        }
        return complete;
    }

    @Transactional
    T update(String idOrName, JsonNode body) {
        T existing = get(idOrName);
        T document = valid(body);
        if (document.id() != null && !document.id().equals(existing.id())) {
            throw new InvalidRequestException("/id", "must be " + existing.id() + " (an id never changes) or left out");
        }
        checkNameFree(document.name(), existing.id());
        T complete = beforeUpdate(existing, withId.apply(document, existing.id()), body);
        documents.update(kind, complete, write(complete));
        return complete;
    }

    @Transactional
    void delete(String idOrName) {
        T existing = get(idOrName);
        List<String> blockers = deleteBlockers(existing);
        if (!blockers.isEmpty()) {
            throw new InvalidRequestException("/", "cannot be deleted: " + String.join("; ", blockers));
        }
        documents.delete(kind, existing.id());
    }

    T parse(DocumentRepository.Stored stored) {
        return parse(stored.definition(), reader);
    }

    /** A stored document of any kind; it was valid when saved, so a violation here is a bug. */
    static <X> X parse(JsonNode definition, Reader<X> reader) {
        List<FieldViolation> violations = new ArrayList<>();
        X document = reader.read(definition, References.AS_STORED, violations);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("A stored on-call document no longer reads: " + violations);
        }
        return document;
    }

    /** Every stored document of another kind, for checks of what uses what. */
    <X> List<X> allOf(OnCallResource other, Reader<X> otherReader) {
        return documents.all(other).stream().map(s -> parse(s.definition(), otherReader)).toList();
    }

    private T valid(JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        T document = reader.read(body, references, violations);
        refuse(violations);
        return document;
    }

    static void refuse(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations.size() + " problem(s) found; nothing was saved", violations);
        }
    }

    References references() {
        return references;
    }

    private void checkNameFree(String name, String ownId) {
        documents.idOfName(kind, name).filter(other -> !other.equals(ownId)).ifPresent(other -> {
            throw new InvalidRequestException("/name", "is already the name of " + kind.singular() + " " + other);
        });
    }

    private String freeId(String base) {
        String id = base;
        for (int n = 2; documents.exists(kind, id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        slug = slug.length() > 56 ? slug.substring(0, 56).replaceAll("-+$", "") : slug;
        return slug.isEmpty() ? kind.path().substring(0, 4) + "-" + UUID.randomUUID().toString().substring(0, 8) : slug;
    }
}
