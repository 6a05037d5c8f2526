package dk.platform.settlement.saga;

/**
 * No answer came for a while (a lost message, a restart between sending and recording): the saga
 * sends every command still unanswered again. Safe because every command id is deterministic.
 */
public record StatementStalled(String statementId) {
}
