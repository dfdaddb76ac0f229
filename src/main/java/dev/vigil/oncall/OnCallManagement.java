package dev.vigil.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vigil.base.InvalidRequestException;
import dev.vigil.security.AuditTrail;
import tools.jackson.databind.JsonNode;

/**
 * The on-call module's door. Other modules read services, escalation plans and recipients here without
 * a caller (they run on scheduler and process threads). People and scripts manage teams, services,
 * escalation policies and schedules as JSON documents (responders and {@code api:read} may read them;
 * managers and {@code api:write} may change them), and users with their contact methods (admins). Every
 * change is audited, in the transaction that makes it.
 */
@Service
public class OnCallManagement {

    static final String READ = "hasAnyAuthority('SCOPE_api:read', 'ROLE_RESPONDER')";
    static final String WRITE = "hasAnyAuthority('SCOPE_api:write', 'ROLE_MANAGER')";
    static final String READ_USERS = "hasAnyAuthority('SCOPE_api:read', 'ROLE_ADMIN')";
    static final String WRITE_USERS = "hasAnyAuthority('SCOPE_api:write', 'ROLE_ADMIN')";
    /** Integration keys are credentials of other tools: an admin's business, not a manager's. */
    static final String ROTATE_KEYS = WRITE_USERS;
    private static final long MAX_SHIFT_RANGE_DAYS = 92;

    private final TeamStore teams;
    private final ServiceStore services;
    private final ScheduleStore schedules;
    private final EscalationPlanner planner;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final Map<OnCallResource, DocumentStore<?>> stores = new EnumMap<>(OnCallResource.class);

    OnCallManagement(TeamStore teams, ServiceStore services, PolicyStore policies, ScheduleStore schedules,
            EscalationPlanner planner, UserDirectory users, AuditTrail audit) {
        this.audit = audit;
        this.teams = teams;
        this.services = services;
        this.schedules = schedules;
        this.planner = planner;
        this.users = users;
        stores.put(OnCallResource.TEAMS, teams);
        stores.put(OnCallResource.SERVICES, services);
        stores.put(OnCallResource.ESCALATION_POLICIES, policies);
        stores.put(OnCallResource.SCHEDULES, schedules);
    }

    // --- Reads for other modules: no caller needed -------------------------------------------------

    /** The service whose integration key this is (PagerDuty {@code routing_key}, Alertmanager URL key). */
    public Optional<ServiceInfo> serviceByIntegrationKey(String integrationKey) {
        return services.byIntegrationKey(integrationKey).map(this::info);
    }

    public Optional<ServiceInfo> service(String idOrName) {
        return services.find(idOrName).map(this::info);
    }

    /** Levels with recipients resolved at {@code at} (schedules → who is on call then); policy null or unknown → the "default" policy. */
    public EscalationPlan escalationPlan(String policyIdOrName, Instant at) {
        return planner.plan(policyIdOrName, at);
    }

    /** A user with their contact methods, e.g. an incident's assignee or a service's manager. */
    public Optional<Recipient> recipient(String username) {
        return username == null ? Optional.empty() : users.recipient(username);
    }

    // --- Who is on call ------------------------------------------------------------------------------

    @PreAuthorize(READ)
    public OnCallOverview onCall(Instant at) {
        return planner.overview(at);
    }

    /** The shifts of a schedule over [from, to), at most about three months. */
    @PreAuthorize(READ)
    public List<Shift> shifts(String scheduleIdOrName, Instant from, Instant to) {
        if (!to.isAfter(from) || to.isAfter(from.plus(Duration.ofDays(MAX_SHIFT_RANGE_DAYS)))) {
            throw new InvalidRequestException("/to", "must be after from and at most " + MAX_SHIFT_RANGE_DAYS
                    + " days later");
        }
        return Rotations.shifts(schedules.get(scheduleIdOrName), from, to);
    }

    /** The overrides of a schedule (the ones that ended over a month ago are gone), by start. */
    @PreAuthorize(READ)
    public List<ScheduleOverride> overrides(String scheduleIdOrName) {
        return schedules.get(scheduleIdOrName).overrides().stream()
                .sorted(Comparator.comparing(ScheduleOverride::start)).toList();
    }

    @PreAuthorize(WRITE)
    @Transactional
    public ScheduleOverride addOverride(String scheduleIdOrName, JsonNode override) {
        ScheduleOverride added = schedules.addOverride(scheduleIdOrName, override);
        audit.record("schedule.override-added", "schedule", schedules.get(scheduleIdOrName).id(), null, added);
        return added;
    }

    @PreAuthorize(WRITE)
    @Transactional
    public void removeOverride(String scheduleIdOrName, String overrideId) {
        Schedule schedule = schedules.get(scheduleIdOrName);
        ScheduleOverride removed = schedule.overrides().stream().filter(o -> o.id().equals(overrideId)).findFirst()
                .orElse(null);
        schedules.removeOverride(scheduleIdOrName, overrideId);
        audit.record("schedule.override-removed", "schedule", schedule.id(), removed, null);
    }

    // --- Teams, services, escalation policies and schedules as documents ----------------------------

    /** A page of documents by name. */
    @PreAuthorize(READ)
    public List<JsonNode> list(OnCallResource kind, int page, int size) {
        return page(store(kind), page, size);
    }

    @PreAuthorize(READ)
    public long count(OnCallResource kind) {
        return store(kind).count();
    }

    @PreAuthorize(READ)
    public JsonNode get(OnCallResource kind, String idOrName) {
        return read(store(kind), idOrName);
    }

    /** Validates and stores a new document; every violation is reported, nothing is stored on any. */
    @PreAuthorize(WRITE)
    @Transactional
    public JsonNode create(OnCallResource kind, JsonNode document) {
        JsonNode created = created(store(kind), document);
        audit.record(auditType(kind) + ".created", auditType(kind), created.get("id").asString(), null, created);
        return created;
    }

    /** Replaces a document (its id stays); every violation is reported, nothing is stored on any. */
    @PreAuthorize(WRITE)
    @Transactional
    public JsonNode update(OnCallResource kind, String idOrName, JsonNode document) {
        JsonNode before = read(store(kind), idOrName);
        JsonNode updated = updated(store(kind), idOrName, document);
        audit.record(auditType(kind) + ".updated", auditType(kind), updated.get("id").asString(), before, updated);
        return updated;
    }

    /** Deletes a document nothing else uses (the default team and policy stay). */
    @PreAuthorize(WRITE)
    @Transactional
    public void delete(OnCallResource kind, String idOrName) {
        JsonNode before = read(store(kind), idOrName);
        store(kind).delete(idOrName);
        audit.record(auditType(kind) + ".deleted", auditType(kind), before.get("id").asString(), before, null);
    }

    /**
     * Gives a service a new integration key; the old one stops working at once, so PagerDuty senders and
     * Alertmanager must be given the new one. The keys themselves stay out of the audit log.
     */
    @PreAuthorize(ROTATE_KEYS)
    @Transactional
    public JsonNode rotateIntegrationKey(String serviceIdOrName) {
        ServiceEntry rotated = services.rotateIntegrationKey(serviceIdOrName);
        audit.record("service.integration-key-rotated", "service", rotated.id(), null, null);
        return services.write(rotated);
    }

    // --- Users and their contact methods -------------------------------------------------------------

    @PreAuthorize(READ_USERS)
    public List<JsonNode> users(int page, int size) {
        return List.copyOf(users.page(page, size));
    }

    @PreAuthorize(READ_USERS)
    public long userCount() {
        return users.count();
    }

    @PreAuthorize(READ_USERS + " or #username == authentication.name")
    public JsonNode user(String username) {
        return users.get(username);
    }

    /** Creates a user with roles and contact methods; the password must be at least 12 characters. */
    @PreAuthorize(WRITE_USERS)
    public JsonNode createUser(JsonNode user) {
        return users.create(user);
    }

    /** Replaces a user's contact methods; admins may set anyone's, everybody their own. */
    @PreAuthorize(WRITE_USERS + " or #username == authentication.name")
    @Transactional
    public JsonNode setContactMethods(String username, JsonNode contactMethods) {
        JsonNode before = users.get(username).get("contactMethods");
        JsonNode after = users.setContactMethods(username, contactMethods);
        audit.record("user.contact-methods-changed", "user", username, before, after.get("contactMethods"));
        return after;
    }

    private ServiceInfo info(ServiceEntry service) {
        return new ServiceInfo(service.id(), service.name(), service.team(), service.escalationPolicy(),
                service.integrationKey(), teams.find(service.team()).map(Team::manager).orElse(null),
                teams.find(service.team()).map(Team::broadcastTopic).orElse(null));
    }

    /** {@code escalation-policy}: the target type of the audit log and the first part of its actions. */
    private static String auditType(OnCallResource kind) {
        return kind.singular().replace(' ', '-');
    }

    private DocumentStore<?> store(OnCallResource kind) {
        return stores.get(kind);
    }

    // Generic helpers so that each store's own document type is captured once.

    private static <T extends OnCallDocument> List<JsonNode> page(DocumentStore<T> store, int page, int size) {
        return store.page(page, size).stream().map(d -> (JsonNode) store.write(d)).toList();
    }

    private static <T extends OnCallDocument> JsonNode read(DocumentStore<T> store, String idOrName) {
        return store.write(store.get(idOrName));
    }

    private static <T extends OnCallDocument> JsonNode created(DocumentStore<T> store, JsonNode body) {
        return store.write(store.create(body));
    }

    private static <T extends OnCallDocument> JsonNode updated(DocumentStore<T> store, String idOrName, JsonNode body) {
        return store.write(store.update(idOrName, body));
    }
}
