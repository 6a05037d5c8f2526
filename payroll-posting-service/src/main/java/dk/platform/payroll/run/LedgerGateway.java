package dk.platform.payroll.run;

/** Sends a command to the ledger (over {@code ledger.commands}); the answer comes to {@link Approvals#answered}. */
public interface LedgerGateway {

    /** @param onBehalfOf the authenticated user who asked for the command; null if none */
    void send(String commandId, Object command, String correlationId, String onBehalfOf);
}
