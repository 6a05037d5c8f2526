package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import org.axonframework.serialization.Revision;

/**
 * An account was added to the chart of accounts; {@code controlAccount} true when it was opened as
 * a control account (absent on events from before control accounts: not one).
 */
@Revision("1")
public record AccountOpened(String number, String name, AccountType type, Boolean controlAccount) implements LedgerEvent {

    public AccountOpened(String number, String name, AccountType type) {
        this(number, name, type, null);
    }
}
