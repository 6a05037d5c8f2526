package dk.platform.settlement.api;

/**
 * What the settlement service publishes on {@code settlement.events} (inside a
 * {@link SettlementEventEnvelope}, keyed by statement id). Publishing is at least once; an event
 * published again has the same {@link #eventId()}, so consumers de-duplicate by it.
 */
public sealed interface SettlementEvent permits ClaimRejected, StatementSettled, StatementFailed, StatementRejected {

    String statementId();

    /** Deterministic: derived from the statement (and for a rejected bill its reference). */
    default String eventId() {
        return statementId() + ":" + getClass().getSimpleName();
    }
}
