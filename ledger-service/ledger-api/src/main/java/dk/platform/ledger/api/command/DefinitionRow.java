package dk.platform.ledger.api.command;

import dk.platform.ledger.api.AccountStructure;

import java.util.List;

/**
 * A match-criteria row of a posting definition: lines of {@code accountStructure} whose account
 * matches {@code matchAccount} (a segment mask; blank segments match anything) get the
 * {@code generated} lines, if this row has the highest priority (1 is highest) among the rows
 * that match them. A row without generated entries means "generate nothing for these".
 */
public record DefinitionRow(AccountStructure accountStructure, String matchAccount, Integer priority, List<GeneratedEntry> generated) {
}
