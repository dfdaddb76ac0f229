package dev.vigil.metrics.prometheus;

import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read as text, but given up as soon as it grows past a limit: a target that
 * answers with an endless or huge body must not fill the heap of the node that scrapes it.
 */
final class LimitedBody {

    /** Prometheus text for even a very large exporter stays well below this. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private LimitedBody() {
    }

    static BodyHandler<String> ofString(long maxBytes) {
        return info -> new Limiting(BodySubscribers.ofString(StandardCharsets.UTF_8), maxBytes);
    }

    /** Thrown (as the body's failure) when the body passes the limit. */
    static final class TooLarge extends java.io.IOException {
        TooLarge(long maxBytes) {
            super("body larger than " + maxBytes + " bytes");
        }
    }

    private static final class Limiting implements BodySubscriber<String> {

        private final BodySubscriber<String> delegate;
        private final long maxBytes;
        private Flow.Subscription subscription;
        private long received;
        private boolean failed;

        Limiting(BodySubscriber<String> delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<String> getBody() {
            return delegate.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            delegate.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (failed) {
                return;
            }
            received += buffers.stream().mapToLong(ByteBuffer::remaining).sum();
            if (received > maxBytes) {
                failed = true;
                subscription.cancel();
                delegate.onError(new TooLarge(maxBytes));
                return;
            }
            delegate.onNext(buffers);
        }

        @Override
        public void onError(Throwable throwable) {
            if (!failed) {
                delegate.onError(throwable);
            }
        }

        @Override
        public void onComplete() {
            if (!failed) {
                delegate.onComplete();
            }
        }
    }
}
