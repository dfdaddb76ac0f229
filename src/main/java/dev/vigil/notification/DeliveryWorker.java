package dev.vigil.notification;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. Woken on the commit of every new row (a page must not wait for a polling interval)
 * and otherwise looking every {@code pollInterval} for retries and for rows other nodes left behind.
 * <p>
 * Three kinds of thread: one claimer leases due rows in batches under a claim token and queues them;
 * {@code concurrency} senders (virtual threads) each take a queued row and send it; one recorder writes
 * the results, many per transaction. A clean stop lets the sends in flight finish, records them and gives
 * the queued-but-unsent rows back; a crash leaves leases that run out, after which any node sends the rows
 * (at least once: a node killed between the provider's answer and the commit has the row sent again).
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int RECORDS_PER_TRANSACTION = 200;

    private record Claimed(Message message, String claim) {
    }

    private record Result(Claimed sent, Delivery delivery, long nextAttemptAt, long at) {
    }

    /**
     * How long a result that could not be recorded because the database was away is kept and recorded again.
     * Recording it when the database is back (the row's lease still names this node) is what keeps a page the
     * provider took just before an outage from being sent a second time when its lease runs out.
     */
    private static final Duration RECORDING_PATIENCE = Duration.ofMinutes(10);

    private final OutboxRepository outbox;
    private final Channels channels;
    private final DeliveryRecorder recorder;
    private final NotificationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Backoff backoff;
    private final DeliveryMonitor monitor;
    private final String node = UUID.randomUUID().toString();
    private final AtomicLong claims = new AtomicLong();
    private final BlockingQueue<Claimed> ready = new LinkedBlockingQueue<>();
    private final BlockingQueue<Result> results = new LinkedBlockingQueue<>();
    private final List<Result> unrecorded = new ArrayList<>();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private volatile boolean sending;
    private Thread claimer;
    private Thread resultWriter;
    private ExecutorService senders;

    DeliveryWorker(OutboxRepository outbox, Channels channels, DeliveryRecorder recorder,
            NotificationProperties properties, TransactionTemplate transactions, Clock clock, DeliveryMonitor monitor) {
        this.monitor = monitor;
        this.outbox = outbox;
        this.channels = channels;
        this.recorder = recorder;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
    }

    /** Looks for due rows now; called after the commit of a transaction that queued some. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        sending = true;
        senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("vigil-notify-", 0).factory());
        for (int i = 0; i < properties.concurrency(); i++) {
            senders.execute(this::send);
        }
        resultWriter = Thread.ofPlatform().name("vigil-delivery-recorder").daemon().start(this::writeResults);
        claimer = Thread.ofPlatform().name("vigil-delivery-claimer").daemon().start(this::claim);
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        try {
            claimer.join(properties.lease().toMillis());
            sending = false;
            senders.shutdown();
            if (!senders.awaitTermination(properties.lease().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Notification sends still running at shutdown; their leases will run out and another node will send them");
            }
            giveBackUnsent();
            resultWriter.interrupt();
            resultWriter.join(properties.lease().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Keeps about two rounds of work queued for the senders. */
    private void claim() {
        int enough = properties.concurrency() * 2;
        while (running) {
            try {
                int room = enough - ready.size();
                if (room < properties.concurrency()) {
                    await(Duration.ofMillis(5));
                    continue;
                }
                long now = clock.millis();
                String claim = node + ":" + claims.incrementAndGet();
                List<Message> due = transactions.execute(
                        tx -> outbox.claim(claim, now, now + properties.lease().toMillis(), room));
                due.forEach(message -> ready.add(new Claimed(message, claim)));
                if (due.size() < room) {
                    await(properties.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Looking for notifications to send failed; trying again in {}", properties.pollInterval(), e);
                try {
                    await(properties.pollInterval());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void send() {
        while (sending) {
            Claimed next;
            try {
                next = ready.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            Delivery delivery = channels.send(next.message());
            results.add(new Result(next, delivery, nextAttempt(next.message(), delivery), clock.millis()));
            if (monitor.observed(next.message().channel(), delivery)) {
                sendWaitingRetriesNow(next.message().channel());
            }
        }
    }

    /**
     * The first success after a channel kept failing: its provider is back, so the rows that wait out a
     * backoff grown during the outage (up to {@code maxBackoff}) go now instead.
     */
    private void sendWaitingRetriesNow(String channel) {
        try {
            Integer rows = transactions.execute(tx -> outbox.bringForward(channel, clock.millis()));
            log.info("{} accepts messages again; {} waiting notification(s) are sent now", channel, rows);
            wake();
        } catch (RuntimeException e) {
            log.warn("Could not bring {}'s waiting notifications forward; they go at their planned time", channel, e);
        }
    }

    private void writeResults() {
        List<Result> batch = new ArrayList<>();
        while (true) {
            try {
                Result next = unrecorded.isEmpty() ? results.take()
                        : results.poll(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (next != null) {
                    batch.add(next);
                }
            } catch (InterruptedException e) {
                // Stopping, after every sender has finished: write what is left, then end.
                results.drainTo(batch);
                batch.addAll(unrecorded);
                unrecorded.clear();
                write(batch);
                if (!unrecorded.isEmpty()) {
                    log.warn("{} delivery result(s) could not be recorded before the stop; those rows are sent again "
                            + "when their leases run out", unrecorded.size());
                }
                return;
            }
            results.drainTo(batch, RECORDS_PER_TRANSACTION - 1);
            batch.addAll(unrecorded);
            unrecorded.clear();
            write(batch);
            batch.clear();
        }
    }

    /** Many results per transaction; if that fails, one by one, so one bad row cannot hold back the rest. */
    private void write(List<Result> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            transactions.executeWithoutResult(tx -> batch.forEach(this::record));
        } catch (RuntimeException batchFailed) {
            if (databaseAway(batchFailed)) {
                batch.forEach(result -> recordLater(result, batchFailed));
            } else {
                for (Result result : batch) {
                    try {
                        transactions.executeWithoutResult(tx -> record(result));
                    } catch (RuntimeException e) {
                        recordLater(result, e);
                    }
                }
            }
        }
        if (batch.stream().anyMatch(r -> r.delivery().fallbackTo() != null)) {
            wake();
        }
    }

    /** Keeps a result whose recording met a database outage, for a while; anything else is left to the lease. */
    private void recordLater(Result result, RuntimeException failure) {
        if (databaseAway(failure) && clock.millis() - result.at() < RECORDING_PATIENCE.toMillis()) {
            unrecorded.add(result);
            return;
        }
        log.warn("Recording the delivery of notification {} failed; it is sent again when its lease runs out",
                result.sent().message().id(), failure);
    }

    private static boolean databaseAway(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessResourceException
                    || e instanceof CannotCreateTransactionException || e instanceof TransactionSystemException
                    || e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    private void record(Result result) {
        recorder.record(result.sent().message(), result.sent().claim(), result.delivery(), result.nextAttemptAt());
    }

    private void giveBackUnsent() {
        List<Claimed> unsent = new ArrayList<>();
        ready.drainTo(unsent);
        unsent.stream().collect(java.util.stream.Collectors.groupingBy(Claimed::claim))
                .forEach((claim, rows) -> transactions.executeWithoutResult(
                        tx -> outbox.release(rows.stream().map(c -> c.message().id()).toList(), claim)));
    }

    private long nextAttempt(Message message, Delivery delivery) {
        long now = clock.millis();
        if (delivery.retryAfter() != null) {
            return now + delivery.retryAfter().toMillis();
        }
        Duration wait = backoff.after(message.attempts() + 1, ThreadLocalRandom.current().nextDouble());
        return now + wait.toMillis();
    }

    private void await(Duration timeout) throws InterruptedException {
        synchronized (signal) {
            if (!woken && running) {
                signal.wait(timeout.toMillis());
            }
            woken = false;
        }
    }
}
