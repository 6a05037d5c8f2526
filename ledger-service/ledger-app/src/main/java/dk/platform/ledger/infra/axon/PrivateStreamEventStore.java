package dk.platform.ledger.infra.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * Axon's {@link EmbeddedEventStore} with the shared read-ahead turned off
 * ({@code optimizeEventConsumption(false)}): every tracking processor reads the store through its
 * own stream, so no event is held in memory for the slowest processor (issue 9: with a million
 * events the shared list held hundreds of thousands of them and filled the heap).
 * <p>
 * A caught-up processor then waits for new events on the store's {@code consumableEventsCondition}
 * for its event availability timeout (1 s); only the shared producer, which no longer runs,
 * signals that condition. So after each commit in this JVM the waiting processors are woken here,
 * as the shared producer did before: the live views see a posted entry at once, not up to 1 s later.
 * Events appended by another instance are found when the timeout ends (before: the producer's
 * fetch delay, also 1 s).
 */
class PrivateStreamEventStore extends EmbeddedEventStore {

    private final Lock consumerLock;
    private final Condition consumableEvents;

    PrivateStreamEventStore(Builder builder) {
        super(builder.optimizeEventConsumption(false));
        this.consumerLock = field(this, "consumerLock", Lock.class);
        this.consumableEvents = field(this, "consumableEventsCondition", Condition.class);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        consumerLock.lock();
        try {
            consumableEvents.signalAll();
        } finally {
            consumerLock.unlock();
        }
    }

    private static <T> T field(EmbeddedEventStore store, String name, Class<T> type) {
        try {
            Field f = EmbeddedEventStore.class.getDeclaredField(name);
            f.setAccessible(true);
            return type.cast(f.get(store));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("EmbeddedEventStore." + name + " not found: check the Axon version", e);
        }
    }
}
