package dk.platform.settlement.statement.web;

import dk.platform.ledger.api.Money;
import dk.platform.settlement.statement.SettlementPlan;
import dk.platform.settlement.statement.Statement;
import dk.platform.settlement.statement.StatementStatus;
import dk.platform.settlement.statement.store.StatementRecord;

import java.time.Instant;
import java.util.List;

/**
 * A statement as {@code GET /api/settlements/{id}} shows it: its status, for a REJECTED one the
 * gap, the reason of a REJECTED or FAILED one, the plan (what it posts, in order) and every ledger
 * command sent with the ledger's answer.
 */
record StatementView(String statementId, StatementStatus status, Money gap, String reason, SettlementPlan plan,
                     List<StatementRecord.CommandRecord> commands, Statement statement, Instant submittedAt, Instant updatedAt) {

    static StatementView of(StatementRecord r) {
        return new StatementView(r.statementId(), r.status(), r.gap(), r.reason(), r.plan(), r.commands(), r.statement(),
                r.submittedAt(), r.updatedAt());
    }
}
