package dk.platform.ledger.api.command;

import dk.platform.ledger.api.Money;

import java.time.LocalDate;

/**
 * The employee pays in cash: D cashAccount / K 61.50, with the payroll report of 2913 (D 61.50)
 * and its 8561 counterpart (K 61.50) recorded in the same entry. Entry id {@code paymentId}.
 */
public record PaySkyldigtBeløb(String debtId, String paymentId, Money amount, LocalDate postingDate, String cashAccount) {
}
