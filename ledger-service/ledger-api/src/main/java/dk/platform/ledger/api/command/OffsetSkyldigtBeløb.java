package dk.platform.ledger.api.command;

import dk.platform.ledger.api.Money;

import java.time.LocalDate;

/** Wage type 8561: part of a payout offsets the debt, K 61.50 / D the debt's counter account. Entry id {@code offsetId}. */
public record OffsetSkyldigtBeløb(String debtId, String offsetId, Money amount, LocalDate postingDate, String payrollRunId) {
}
