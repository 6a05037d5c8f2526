package dk.platform.ledger.api.event;

import org.axonframework.serialization.Revision;

/** A fund and its class were registered (or the class changed). */
@Revision("1")
public record FundRegistered(String fund, String name, String fundClass) implements LedgerEvent {
}
