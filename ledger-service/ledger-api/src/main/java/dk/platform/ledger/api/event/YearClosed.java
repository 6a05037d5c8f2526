package dk.platform.ledger.api.event;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Fiscal year {@code fiscalYear} was closed for {@code fundClass} (null: all funds) by entry {@code closingId}, dated its last day. */
@Revision("1")
public record YearClosed(String closingId, int fiscalYear, String fundClass, LocalDate postingDate) implements LedgerEvent {
}
