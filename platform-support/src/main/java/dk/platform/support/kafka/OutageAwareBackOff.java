package dk.platform.support.kafka;

import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;

/**
 * The back-off of one failing record: a failure in an outage ({@link Outages}) waits (doubling,
 * up to the maximum interval) and is not counted; any other failure counts, and after
 * {@code attempts} deliveries the record is given up (parked).
 * <p>
 * Why not a BackOff chosen per exception ({@code DefaultErrorHandler.setBackOffFunction}): the
 * error handler chooses it at the record's first failure and keeps it while the exception's
 * class stays the same; a listener's exception often has the same class in an outage and for
 * a bad record (a wrapped SQLException), so a record that first failed in an outage would never
 * be given up. Here each failure is classified: the retry listener calls {@link #failed} with
 * it, on the consumer's thread, just before the handler asks for the next back-off.
 */
final class OutageAwareBackOff implements BackOff {

    private final ThreadLocal<Boolean> lastFailureWasOutage = ThreadLocal.withInitial(() -> false);
    private final int attempts;
    private final Duration interval;
    private final Duration maxInterval;

    OutageAwareBackOff(int attempts, Duration interval, Duration maxInterval) {
        if (attempts < 2) {
            // one attempt would make the error handler skip its back-off altogether, outages included
            throw new IllegalArgumentException("platform.kafka.retry.attempts must be at least 2, not " + attempts);
        }
        this.attempts = attempts;
        this.interval = interval;
        this.maxInterval = maxInterval;
    }

    /** Classifies the failure the next back-off is asked for. */
    void failed(Throwable failure) {
        lastFailureWasOutage.set(Outages.isOutage(failure));
    }

    @Override
    public BackOffExecution start() {
        ExponentialBackOff bounded = new ExponentialBackOffWithMaxRetries(attempts - 1);
        ExponentialBackOff unlimited = new ExponentialBackOff();
        for (ExponentialBackOff b : new ExponentialBackOff[]{bounded, unlimited}) {
            b.setInitialInterval(interval.toMillis());
            b.setMultiplier(2.0);
            b.setMaxInterval(maxInterval.toMillis());
        }
        BackOffExecution countingFailures = bounded.start();
        BackOffExecution waitingOutOutages = unlimited.start();
        return () -> lastFailureWasOutage.get() ? waitingOutOutages.nextBackOff() : countingFailures.nextBackOff();
    }
}
