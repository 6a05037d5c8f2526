package dk.platform.ledger.fund;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.command.RegisterFund;
import dk.platform.ledger.api.event.FundRegistered;
import dk.platform.ledger.domain.Check;
import dk.platform.ledger.entry.CommandOutcome;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A fund (the first account segment) and its class; aggregate id {@code fund:<fund>}. Registering it again with another name or class changes it. */
@Aggregate
public class Fund {

    public static final String ID_PREFIX = "fund:";

    public record Register(@TargetAggregateIdentifier String id, RegisterFund fund) {
        public static Register of(RegisterFund f) {
            return new Register(ID_PREFIX + Check.account(f.fund(), "fund"), f);
        }
    }

    @AggregateIdentifier
    private String id;
    private String name;
    private String fundClass;

    protected Fund() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(Register c) {
        RegisterFund f = c.fund();
        if (f.fund().contains("-")) {
            throw new dk.platform.ledger.domain.LedgerException.Invalid("fund " + InputRules.quote(f.fund()) + " is one account segment, without '-'");
        }
        Check.name(f.name(), "name", Check.MAX_TEXT);
        if (f.fundClass() != null) {
            Check.id(f.fundClass(), "fundClass");
        }
        if (id != null && Objects.equals(name, f.name()) && Objects.equals(fundClass, f.fundClass())) {
            return CommandOutcome.REPLAYED;
        }
        apply(new FundRegistered(f.fund(), f.name(), f.fundClass()));
        return CommandOutcome.POSTED;
    }

    @EventSourcingHandler
    void on(FundRegistered e) {
        id = ID_PREFIX + e.fund();
        name = e.name();
        fundClass = e.fundClass();
    }
}
