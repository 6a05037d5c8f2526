package dk.platform.settlement.saga;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.stereotype.Component;

/**
 * The one way in to the saga: every message (a new statement, a ledger event, a ledger answer,
 * a nudge) is published on Axon's event bus here, and the saga's subscribing processor handles it
 * in this thread: when {@link #deliver} returns, the saga's new state is stored in MongoDB; when it
 * throws, nothing was stored and the caller (a Kafka listener) gets the message again.
 * <p>
 * Deliveries are one at a time. That keeps a fast ledger answer from overtaking the store of the
 * saga state that sent the command: the answer waits here until that state is stored.
 */
@Component
public class SettlementInbox {

    private final EventBus eventBus;

    public SettlementInbox(EventBus eventBus) {
        this.eventBus = eventBus;
    }

    public synchronized void deliver(Object message) {
        eventBus.publish(GenericEventMessage.asEventMessage(message));
    }
}
