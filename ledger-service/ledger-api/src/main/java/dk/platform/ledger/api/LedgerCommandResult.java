package dk.platform.ledger.api;

/**
 * The ledger's answer to a {@link LedgerCommandMessage}, on {@code ledger.command-results} (key:
 * {@code commandId}). {@code status} is ACCEPTED (then {@code outcome} says POSTED, or REPLAYED
 * for a command whose id had already posted the same payload) or REJECTED (then
 * {@code errorStatus} is the HTTP status the REST API would have answered, 400/401/403/404/409/422,
 * and {@code error} its problem detail, at most 1 000 characters; or 500 for a command the ledger
 * failed to run on each of its deliveries, parked in {@code ledger.commands.dlt}).
 */
public record LedgerCommandResult(String commandId, Status status, String outcome, Integer errorStatus, String error) {

    public enum Status { ACCEPTED, REJECTED }

    public static LedgerCommandResult accepted(String commandId, String outcome) {
        return new LedgerCommandResult(commandId, Status.ACCEPTED, outcome, null, null);
    }

    public static LedgerCommandResult rejected(String commandId, int errorStatus, String error) {
        return new LedgerCommandResult(commandId, Status.REJECTED, null, errorStatus, error);
    }
}
