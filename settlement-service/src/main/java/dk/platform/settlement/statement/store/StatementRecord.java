package dk.platform.settlement.statement.store;

import dk.platform.ledger.api.Money;
import dk.platform.settlement.statement.SettlementPlan;
import dk.platform.settlement.statement.Statement;
import dk.platform.settlement.statement.StatementStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A statement as recorded (collection {@code statements}, keyed by statementId): the statement
 * itself with a hash of it (to tell a re-submission from a conflicting one), its status, the gap
 * of a REJECTED one, the plan, every ledger command with the ledger's answer, and who submitted it
 * (the authenticated subject; the ledger commands are sent on their behalf).
 */
public record StatementRecord(String statementId, String bodyHash, Statement statement, StatementStatus status, Money gap,
                              String reason, SettlementPlan plan, List<CommandRecord> commands, Instant submittedAt,
                              Instant updatedAt, String submittedBy) {

    public enum CommandStatus { PLANNED, SENT, ACCEPTED, REJECTED }

    /** One ledger command; {@code commandId} is also the id the command posts under ({@code id}). */
    public record CommandRecord(String commandId, String type, String id, CommandStatus status, String outcome,
                                Integer errorStatus, String error) {
    }

    public StatementRecord {
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    static List<CommandRecord> planned(SettlementPlan plan) {
        List<CommandRecord> commands = new ArrayList<>();
        plan.writeOffs().forEach(w -> commands.add(new CommandRecord(w.writeOffId(), "BookWriteOff", w.writeOffId(),
                CommandStatus.PLANNED, null, null, null)));
        commands.add(new CommandRecord(plan.payment().paymentId(), "ApplyPayment", plan.payment().paymentId(),
                CommandStatus.PLANNED, null, null, null));
        return commands;
    }

    StatementRecord withStatus(StatementStatus status, String reason, Instant now) {
        return new StatementRecord(statementId, bodyHash, statement, status, gap, reason, plan, commands, submittedAt, now, submittedBy);
    }

    StatementRecord withCommand(String commandId, String type, UnaryOperator<CommandRecord> change, Instant now) {
        List<CommandRecord> changed = new ArrayList<>();
        boolean found = false;
        for (CommandRecord c : commands) {
            if (c.commandId().equals(commandId)) {
                changed.add(change.apply(c));
                found = true;
            } else {
                changed.add(c);
            }
        }
        if (!found) {
            changed.add(change.apply(new CommandRecord(commandId, type, commandId, CommandStatus.PLANNED, null, null, null)));
        }
        return new StatementRecord(statementId, bodyHash, statement, status, gap, reason, plan, changed, submittedAt, now, submittedBy);
    }

    StatementRecord touched(Instant now) {
        return new StatementRecord(statementId, bodyHash, statement, status, gap, reason, plan, commands, submittedAt, now, submittedBy);
    }
}
