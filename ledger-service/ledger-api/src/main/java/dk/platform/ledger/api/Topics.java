package dk.platform.ledger.api;

/** The Kafka topics of the ledger's published language (SPEC §7). */
public final class Topics {
    /** Every ledger event, in {@link EventEnvelope}s, keyed by aggregate id. */
    public static final String LEDGER_EVENTS = "ledger.events";
    /** Commands from other services: {@code {commandId, type, payload}}. */
    public static final String LEDGER_COMMANDS = "ledger.commands";
    /** The ledger's answers to {@link #LEDGER_COMMANDS}: {@code {commandId, status, error?}}. */
    public static final String LEDGER_COMMAND_RESULTS = "ledger.command-results";
    /** Settlement outcomes and {@code ClaimRejected}. */
    public static final String SETTLEMENT_EVENTS = "settlement.events";

    private Topics() {
    }
}
