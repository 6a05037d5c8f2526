package dk.platform.ledger.api.command;

import dk.platform.ledger.api.*;
import java.time.LocalDate;
import java.util.List;

/** Reverses a posted entry (tilbageføring): debit and credit swapped, dated postingDate. */
public record ReverseEntry(String entryId, String reversalId, LocalDate postingDate, String text) {
}
