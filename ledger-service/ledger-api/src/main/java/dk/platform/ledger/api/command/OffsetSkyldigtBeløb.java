package dk.platform.ledger.api.command;

import dk.platform.ledger.api.Money;

import java.time.LocalDate;

/**
 * Wage type 8561: part of a payout offsets the debt, K 61.50 / D {@code counterAccount}: the
 * account the payout is reduced on (the net-pay account), or, when not given, the debt's own
 * counter account. Entry id {@code offsetId}.
 */
public record OffsetSkyldigtBeløb(String debtId, String offsetId, Money amount, LocalDate postingDate, String payrollRunId,
                                  String counterAccount) {

    public OffsetSkyldigtBeløb(String debtId, String offsetId, Money amount, LocalDate postingDate, String payrollRunId) {
        this(debtId, offsetId, amount, postingDate, payrollRunId, null);
    }
}
