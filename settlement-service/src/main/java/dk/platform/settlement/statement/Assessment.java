package dk.platform.settlement.statement;

import dk.platform.ledger.api.Money;

/** What checking a statement against its open item concludes. */
public sealed interface Assessment {

    /** The statement balances to the øre: this is what it will post. */
    record Planned(SettlementPlan plan) implements Assessment {
    }

    /**
     * The bank amount does not match what remains after costs and deviations; nothing is posted.
     * {@code gap} = (remaining - fees - rejected - difference) - bankAmount: positive when the bank
     * paid less than that.
     */
    record Rejected(Money gap, String reason) implements Assessment {
    }
}
