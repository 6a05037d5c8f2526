package dk.platform.ledger.api.command;

import java.util.List;

/** Creates (or, with PUT, changes to a new version) a posting definition for a transaction type, optionally for one fund class. */
public record RegisterPostingDefinition(String definitionId, String transactionType, String fundClass, List<DefinitionRow> rows) {
}
