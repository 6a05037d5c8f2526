package dk.platform.ledger.party;

import dk.platform.ledger.api.command.SetPartyApplicationMethod;
import dk.platform.ledger.api.event.PartyApplicationMethodSet;
import dk.platform.ledger.domain.Check;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A debtor or creditor's settings; its aggregate id is {@code party:<party>}. */
@Aggregate
public class Party {

    public static final String ID_PREFIX = "party:";

    @AggregateIdentifier
    private String id;

    protected Party() {
        // for Axon
    }

    /** Routes {@link SetPartyApplicationMethod} to the party's aggregate. */
    public record SetMethod(@TargetAggregateIdentifier String id, SetPartyApplicationMethod command) {
        public static SetMethod of(SetPartyApplicationMethod c) {
            return new SetMethod(ID_PREFIX + Check.id(c.party(), "party"), c);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetMethod c) {
        Check.required(c.command().applicationMethod(), "applicationMethod");
        apply(new PartyApplicationMethodSet(c.command().party(), c.command().applicationMethod()));
    }

    @EventSourcingHandler
    void on(PartyApplicationMethodSet e) {
        id = ID_PREFIX + e.party();
    }
}
