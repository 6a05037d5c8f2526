package dk.platform.settlement.api;

import dk.platform.ledger.api.Money;

/**
 * The insurer rejected a bill of a practitioner line: the clinic system must reverse it on the
 * patient's account without marking it paid. Published when the statement is SETTLED (the bill's
 * write-off is then posted for good).
 */
public record ClaimRejected(String statementId, String openItemId, String lineId, String reference, Money amount)
        implements SettlementEvent {

    @Override
    public String eventId() {
        return statementId + ":ClaimRejected:" + reference;
    }
}
