package dk.platform.ledger.api.event;

import java.time.LocalDate;

/** Every event the ledger publishes. */
public interface LedgerEvent {

    /** The business date the event is booked on, where it has one. */
    default LocalDate postingDate() {
        return null;
    }
}
