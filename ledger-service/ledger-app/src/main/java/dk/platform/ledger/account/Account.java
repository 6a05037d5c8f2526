package dk.platform.ledger.account;

import dk.platform.ledger.api.command.OpenAccount;
import dk.platform.ledger.api.event.AccountOpened;
import dk.platform.ledger.domain.Check;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An account of the chart of accounts. It holds no balance: balances are views, so a hot
 * account (the bank) never serialises postings. Its aggregate id is {@code account:<number>}
 * because entry ids and account numbers are chosen by clients from overlapping alphabets.
 */
@Aggregate
public class Account {

    public static final String ID_PREFIX = "account:";

    @AggregateIdentifier
    private String id;

    protected Account() {
        // for Axon
    }

    @CommandHandler
    public Account(OpenAccount c) {
        Check.account(c.number(), "number");
        Check.name(c.name(), "name", Check.MAX_TEXT);
        Check.required(c.type(), "type");
        // false is stored as absent, so an ordinary account's event reads as it did before control accounts
        apply(new AccountOpened(c.number(), c.name(), c.type(), Boolean.TRUE.equals(c.controlAccount()) ? Boolean.TRUE : null));
    }

    @EventSourcingHandler
    void on(AccountOpened e) {
        id = ID_PREFIX + e.number();
    }
}
