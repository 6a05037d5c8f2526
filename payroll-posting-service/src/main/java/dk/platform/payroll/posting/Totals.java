package dk.platform.payroll.posting;

import dk.platform.ledger.api.Money;

/** Debit and credit totals of an output; the difference is debit minus credit. */
public record Totals(Money debit, Money credit) {

    public static final Totals ZERO = new Totals(Money.ZERO, Money.ZERO);

    public Money difference() {
        return debit.minus(credit);
    }

    public boolean balanced() {
        return difference().isZero();
    }

    Totals add(VoucherLine line) {
        return new Totals(line.debit() == null ? debit : debit.plus(line.debit()),
                line.credit() == null ? credit : credit.plus(line.credit()));
    }
}
