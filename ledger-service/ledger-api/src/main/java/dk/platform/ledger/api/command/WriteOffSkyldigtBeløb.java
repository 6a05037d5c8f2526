package dk.platform.ledger.api.command;

import dk.platform.ledger.api.Money;

import java.time.LocalDate;

/** Wage type 8915 with 8561: the rest is written off, D 22.91 / K 61.50. Entry id {@code writeOffId}. */
public record WriteOffSkyldigtBeløb(String debtId, String writeOffId, Money amount, LocalDate postingDate) {
}
