package dk.platform.ledger.api.event;

import org.axonframework.serialization.Revision;

/** A posting definition is no longer used for new entries. */
@Revision("1")
public record PostingDefinitionRetired(String definitionId, int version) implements LedgerEvent {
}
