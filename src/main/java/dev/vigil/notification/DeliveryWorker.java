package dev.vigil.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. Woken on the commit of every new row (a page must not wait for a polling interval)
 * and otherwise looking every {@code pollInterval} for retries and for rows other nodes left behind.
 * Due rows are leased under a claim token, sent concurrently on virtual threads, and each result is
 * recorded in its own transaction. A clean stop lets sends in flight finish and gives back nothing
 * half-done; a crash leaves leases that run out, after which any node sends the rows (at least once:
 * a node killed between the provider's answer and the commit will have the row sent again).
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final OutboxRepository outbox;
    private final Channels channels;
    private final DeliveryRecorder recorder;
    private final NotificationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();
    private final AtomicLong claims = new AtomicLong();
    private final Semaphore slots;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread loop;
    private ExecutorService sends;

    DeliveryWorker(OutboxRepository outbox, Channels channels, DeliveryRecorder recorder,
            NotificationProperties properties, TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.channels = channels;
        this.recorder = recorder;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.slots = new Semaphore(properties.concurrency());
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
        sends = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("vigil-notify-", 0).factory());
        running = true;
        loop = Thread.ofPlatform().name("vigil-delivery-worker").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        try {
            loop.join(properties.lease().toMillis());
            sends.shutdown();
            if (!sends.awaitTermination(properties.lease().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Notification sends still running at shutdown; their leases will run out and another node will send them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                if (deliverDue() == 0) {
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

    /**
     * Claims as many due rows as there are free slots and starts sending them.
     *
     * @return how many it claimed; fewer than asked means the queue is drained for now
     */
    private int deliverDue() throws InterruptedException {
        slots.acquire();
        int limit = 1 + slots.drainPermits();
        int started = 0;
        try {
            long now = clock.millis();
            String claim = node + ":" + claims.incrementAndGet();
            List<Message> due = transactions.execute(tx -> outbox.claim(claim, now, now + properties.lease().toMillis(), limit));
            for (Message message : due) {
                if (!running) {
                    List<Long> unsent = due.subList(started, due.size()).stream().map(Message::id).toList();
                    transactions.executeWithoutResult(tx -> outbox.release(unsent, claim));
                    break;
                }
                sends.execute(() -> deliver(message, claim));
                started++;
            }
            return due.size() == limit ? limit : 0;
        } finally {
            slots.release(limit - started);
        }
    }

    private void deliver(Message message, String claim) {
        try {
            Delivery delivery = channels.send(message);
            recorder.record(message, claim, delivery, nextAttempt(message, delivery));
            if (delivery.fallbackTo() != null) {
                wake();
            }
        } catch (RuntimeException e) {
            log.warn("Recording the delivery of notification {} failed; it is sent again when its lease runs out",
                    message.id(), e);
        } finally {
            slots.release();
        }
    }

    private long nextAttempt(Message message, Delivery delivery) {
        long now = clock.millis();
        if (delivery.retryAfter() != null) {
            return now + delivery.retryAfter().toMillis();
        }
        Backoff backoff = new Backoff(properties.initialBackoff(), properties.maxBackoff());
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
