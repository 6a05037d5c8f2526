package dk.platform.ledger.api.event;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Fiscal year {@code fiscalYear} was closed for {@code fundClass} by entry {@code closingId}, dated its
 * last day; a close of several classes records one per class. {@code fundClass} null: the funds
 * without a class (before issue 21, a close without a class: all funds).
 */
@Revision("1")
public record YearClosed(String closingId, int fiscalYear, String fundClass, LocalDate postingDate) implements LedgerEvent {
}
