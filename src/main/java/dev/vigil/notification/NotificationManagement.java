package dev.vigil.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.vigil.base.NotFoundException;
import dev.vigil.notification.sns.SnsProperties;
import dev.vigil.security.AuditTrail;

/**
 * The notification module's door. Every request becomes an outbox row in the caller's transaction, so a
 * notification exists exactly when the incident change that caused it does; the delivery worker is woken
 * when that transaction commits. Reading the delivery log needs a responder or {@code api:read}; retrying
 * a responder or {@code api:write}.
 */
@Service
public class NotificationManagement {

    static final String READ = "hasAnyAuthority('SCOPE_api:read', 'ROLE_RESPONDER')";
    static final String ACT = "hasAnyAuthority('SCOPE_api:write', 'ROLE_RESPONDER')";

    private final OutboxRepository outbox;
    private final Channels channels;
    private final AcknowledgeLinks links;
    private final DeliveryWorker worker;
    private final SharedSecrets secrets;
    private final NotificationProperties properties;
    private final SnsProperties sns;
    private final Clock clock;
    private final String publicUrl;
    private final AuditTrail audit;
    private final DeliveryMonitor monitor;

    NotificationManagement(OutboxRepository outbox, Channels channels, AcknowledgeLinks links, DeliveryWorker worker,
            SharedSecrets secrets, NotificationProperties properties, SnsProperties sns, Clock clock,
            @Value("${vigil.public-url}") String publicUrl, AuditTrail audit, DeliveryMonitor monitor) {
        this.audit = audit;
        this.monitor = monitor;
        this.outbox = outbox;
        this.channels = channels;
        this.links = links;
        this.worker = worker;
        this.secrets = secrets;
        this.properties = properties;
        this.sns = sns;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Queues the message for its recipient on their first contact method (the rest are the fallback);
     * joins the caller's transaction.
     *
     * @return the outbox row's id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long request(NotificationRequest request) {
        String incidentLink = request.incidentId() == null ? null : publicUrl + "/incidents/" + request.incidentId();
        String acknowledgeLink = request.acknowledgeLink() && request.incidentId() != null && request.username() != null
                ? publicUrl + "/a/" + links.create(request.incidentId(), request.username())
                : null;
        String sms = acknowledgeLink != null ? Texts.sms(request.shortText(), "Ack", acknowledgeLink)
                : Texts.sms(request.shortText(), "Open", incidentLink);
        String rich = Texts.rich(request.subject(), request.longText(), acknowledgeLink, incidentLink);
        List<NotificationRequest.Address> addresses = request.addresses();
        Channels.Route route = channels.route(addresses.isEmpty() ? null : addresses.getFirst());
        long id = outbox.insert(new OutboxRepository.NewRow(request.incidentId(), request.username(), route.channel(),
                route.address(), request.kind(), request.subject(), sms, rich,
                addresses.isEmpty() ? List.of() : addresses.subList(1, addresses.size()), null), clock.millis());
        wakeWorkerOnCommit();
        return id;
    }

    /**
     * Announces something to everyone (a report is ready): published on the announcement topic
     * ({@code vigil.notification.sns.announcement-topic}) or, without one, to the log channel.
     */
    @Transactional
    public long announce(String subject, String text, String link) {
        NotificationRequest.Address topic = sns.announcementTopic() == null ? null
                : new NotificationRequest.Address(Channels.TOPIC, sns.announcementTopic());
        Channels.Route route = channels.route(topic);
        String sms = Texts.sms(subject, "Open", link);
        long id = outbox.insert(new OutboxRepository.NewRow(null, null, route.channel(), route.address(), "announcement",
                subject, sms, Texts.rich(subject, text, null, null) + (link == null ? "" : "\n\n" + link), List.of(),
                null), clock.millis());
        wakeWorkerOnCommit();
        return id;
    }

    /** The notifications of an incident, oldest first. */
    public List<Notification> ofIncident(String incidentId) {
        return outbox.ofIncident(incidentId);
    }

    /** The delivery log, newest first. */
    @PreAuthorize(READ)
    public List<Notification> deliveries(NotificationFilter filter, int page, int size) {
        return outbox.page(filter, page * size, size);
    }

    @PreAuthorize(READ)
    public long count(NotificationFilter filter) {
        return outbox.count(filter);
    }

    @PreAuthorize(READ)
    public Optional<Notification> delivery(long id) {
        return outbox.find(id);
    }

    /** Queues a failed notification again for a fresh round of attempts. */
    @PreAuthorize(ACT)
    @Transactional
    public Notification retry(long id) {
        Notification row = outbox.find(id).orElseThrow(() -> new NotFoundException("No notification " + id));
        if (!Notification.FAILED.equals(row.status())) {
            throw new dev.vigil.base.ConflictException("Notification " + id + " is " + row.status()
                    + "; only a failed notification can be retried");
        }
        outbox.retry(id, clock.millis());
        wakeWorkerOnCommit();
        Notification retried = outbox.find(id).orElseThrow();
        audit.record("notification.retried", "notification", String.valueOf(id), Map.of("status", row.status()),
                Map.of("status", retried.status()));
        return retried;
    }

    /** Sends a test message to one contact method: anyone to their own, an admin to anyone's. */
    @PreAuthorize("hasRole('ADMIN') or #username == authentication.name")
    @Transactional
    public long sendTest(String username, NotificationRequest.Address address) {
        Channels.Route route = channels.route(address);
        String text = "[Vigil] Test notification for " + username + ". If you got this, Vigil can page you here.";
        long id = outbox.insert(new OutboxRepository.NewRow(null, username, route.channel(), route.address(), "test",
                "Vigil test notification", text, text, List.of(), null), clock.millis());
        wakeWorkerOnCommit();
        return id;
    }

    /** Whether messages of this channel ({@code SMS}, {@code TOPIC}, {@code WEBHOOK}) leave Vigil or only reach the log. */
    public boolean channelConfigured(String channel) {
        return channels.configured(channel);
    }

    /**
     * Whether notifications are getting out: degraded while a channel keeps failing (a streak of passing
     * failures with no success in between) or while a notification has waited longer than
     * {@code vigil.notification.degraded-after}. Figures only, no recipients or texts, so anyone signed in
     * may see it (the dashboard shows it next to Vigil's other health).
     */
    public DeliveryHealth deliveryHealth() {
        OutboxRepository.Backlog backlog = outbox.backlog();
        DeliveryMonitor.Seen seen = monitor.seen();
        long now = clock.millis();
        Duration oldest = backlog.oldestCreatedAt() == null ? Duration.ZERO
                : Duration.ofMillis(Math.max(0, now - backlog.oldestCreatedAt()));
        String reason = null;
        if (seen.failingChannel() != null) {
            reason = seen.failingStreak() + " sends in a row on " + seen.failingChannel() + " failed; the last: "
                    + seen.lastError();
        } else if (oldest.compareTo(properties.degradedAfter()) > 0) {
            reason = backlog.pending() + " notification(s) waiting, the oldest for " + oldest.toSeconds() + " s";
        }
        return new DeliveryHealth(reason != null, reason, backlog.pending(), oldest, seen.retries(), seen.throttles(),
                seen.failures(), seen.lastSuccess(), seen.lastError());
    }

    /** The HMAC key receivers check {@code X-Vigil-Signature} with. */
    @PreAuthorize("hasRole('ADMIN')")
    public String webhookSigningSecret() {
        return secrets.secret(Channels.WEBHOOK_SECRET, properties.webhook().signingSecret());
    }

    /**
     * Uses up a one-tap acknowledge link; the caller acknowledges in the same transaction, so a link is
     * spent exactly when its acknowledgement is recorded.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AcknowledgeLinkRedemption redeemAcknowledgeLink(String token) {
        return links.redeem(token);
    }

    private void wakeWorkerOnCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.wake();
            }
        });
    }
}
