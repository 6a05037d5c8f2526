package dk.platform.ledger.api.command;

/** Retires a posting definition: entries posted from now on no longer use it; entries already posted keep their lines. */
public record RetirePostingDefinition(String definitionId) {
}
