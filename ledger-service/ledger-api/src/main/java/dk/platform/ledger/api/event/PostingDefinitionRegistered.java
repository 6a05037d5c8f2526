package dk.platform.ledger.api.event;

import dk.platform.ledger.api.command.DefinitionRow;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A posting definition got a new version (1 when created). Entries name the version that generated their lines. */
@Revision("1")
public record PostingDefinitionRegistered(String definitionId, int version, String transactionType, String fundClass,
                                          List<DefinitionRow> rows) implements LedgerEvent {
}
