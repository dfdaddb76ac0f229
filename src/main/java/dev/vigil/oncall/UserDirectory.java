package dev.vigil.oncall;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.NotFoundException;
import dev.vigil.security.Role;
import dev.vigil.security.SecurityManagement;
import dev.vigil.security.UserSummary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Users as the on-call API shows them: the account (kept by the security module) with the contact
 * methods kept here. A new user and their contact methods are created in one transaction, or neither.
 */
@Component
class UserDirectory {

    private final SecurityManagement security;
    private final ContactMethodRepository contacts;

    UserDirectory(SecurityManagement security, ContactMethodRepository contacts) {
        this.security = security;
        this.contacts = contacts;
    }

    List<ObjectNode> page(int page, int size) {
        Map<String, List<ContactMethod>> methods = contacts.all();
        return security.userDirectory().stream().skip((long) page * size).limit(size)
                .map(u -> json(u, methods.getOrDefault(u.username(), List.of()))).toList();
    }

    long count() {
        return security.userDirectory().size();
    }

    ObjectNode get(String username) {
        return security.user(username).map(u -> json(u, contacts.of(u.username())))
                .orElseThrow(() -> new NotFoundException("No user is called " + username));
    }

    Optional<Recipient> recipient(String username) {
        return security.user(username)
                .map(u -> new Recipient(u.username(), u.displayName(), contacts.of(u.username())));
    }

    /**
     * {@code {"username", "displayName", "password", "roles": [...], "contactMethods": [{"type",
     * "address"}]}}; every problem of the account and of the contact methods is reported together.
     */
    @Transactional
    ObjectNode create(JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        Fields f = Fields.document(body, "a user", violations);
        String username = f.text("username", false, 200);
        String displayName = f.text("displayName", false, 1000);
        String password = f.has("password") && f.raw("password").isString() ? f.raw("password").asString() : null;
        if (f.has("password") && password == null) {
            f.reject("password", "must be a string");
        }
        Set<Role> roles = roles(f);
        List<ContactMethod> methods = ContactMethods.read(f);
        violations.addAll(security.newUserViolations(username, displayName, password, roles).stream()
                .filter(v -> violations.stream().noneMatch(seen -> seen.pointer().equals(v.pointer())
                        || seen.pointer().startsWith(v.pointer() + "/")))
                .toList());
        DocumentStore.refuse(violations);
        UserSummary user = security.createUser(username, displayName, password, roles);
        contacts.replace(user.username(), methods);
        return json(user, methods);
    }

    /** Replaces a user's contact methods with {@code {"contactMethods": [...]}} (an empty list removes all). */
    @Transactional
    ObjectNode setContactMethods(String username, JsonNode body) {
        UserSummary user = security.user(username)
                .orElseThrow(() -> new NotFoundException("No user is called " + username));
        List<FieldViolation> violations = new ArrayList<>();
        Fields f = Fields.document(body, "contact methods", violations);
        if (!f.has("contactMethods")) {
            f.reject("contactMethods", "is required (an empty list removes them all)");
        }
        List<ContactMethod> methods = ContactMethods.read(f);
        DocumentStore.refuse(violations);
        contacts.replace(user.username(), methods);
        return json(user, methods);
    }

    private static Set<Role> roles(Fields f) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> names = f.texts("roles", 0, Role.values().length);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null) {
                continue;
            }
            try {
                roles.add(Role.valueOf(names.get(i).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                f.reject("roles/" + i, "must be RESPONDER, MANAGER or ADMIN");
            }
        }
        return roles;
    }

    private static ObjectNode json(UserSummary user, List<ContactMethod> methods) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("username", user.username());
        json.put("displayName", user.displayName());
        user.roles().stream().map(Enum::name).sorted().forEach(json.putArray("roles")::add);
        json.put("enabled", user.enabled());
        json.put("createdAt", user.createdAt().toString());
        var list = json.putArray("contactMethods");
        methods.forEach(m -> list.addObject().put("type", m.type()).put("address", m.address()));
        return json;
    }
}
