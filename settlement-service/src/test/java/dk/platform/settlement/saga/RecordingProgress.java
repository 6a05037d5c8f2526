package dk.platform.settlement.saga;

import dk.platform.ledger.api.LedgerCommandResult;
import dk.platform.settlement.statement.StatementStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the saga recorded, for the tests' eyes. */
class RecordingProgress implements SettlementProgress {

    StatementStatus status;
    String reason;
    final List<String> sent = new ArrayList<>();
    final Map<String, LedgerCommandResult> answers = new LinkedHashMap<>();

    @Override
    public void statusChanged(String statementId, StatementStatus status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    @Override
    public void commandSent(String statementId, String commandId, String type) {
        sent.add(commandId);
    }

    @Override
    public void commandAnswered(String statementId, LedgerCommandResult answer) {
        answers.put(answer.commandId(), answer);
    }
}
