package dk.platform.settlement.saga;

import dk.platform.settlement.api.SettlementEvent;

/** Publishes on {@code settlement.events}; returns once the broker has the event (else throws). */
public interface SettlementEvents {

    void publish(SettlementEvent event);
}
