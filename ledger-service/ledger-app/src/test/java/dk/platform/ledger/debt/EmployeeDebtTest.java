package dk.platform.ledger.debt;

import dk.platform.ledger.api.DebtKind;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.command.OffsetSkyldigtBeløb;
import dk.platform.ledger.api.command.PaySkyldigtBeløb;
import dk.platform.ledger.api.command.RegisterSkyldigtBeløb;
import dk.platform.ledger.api.command.WriteOffSkyldigtBeløb;
import dk.platform.ledger.api.event.SkyldigtBeløbOffset;
import dk.platform.ledger.api.event.SkyldigtBeløbPaid;
import dk.platform.ledger.api.event.SkyldigtBeløbRegistered;
import dk.platform.ledger.api.event.SkyldigtBeløbWrittenOff;
import dk.platform.ledger.domain.LedgerException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.Matchers.containsString;

/** Every row of SPEC §5's table and every rejection, on the EmployeeDebt aggregate. */
class EmployeeDebtTest {

    static final LocalDate MARCH = LocalDate.of(2026, 3, 31);
    static final LocalDate APRIL = LocalDate.of(2026, 4, 30);
    static final String NET_PAY = "0000000170";

    AggregateTestFixture<EmployeeDebt> fixture;

    static Money m(String a) {
        return Money.of(a);
    }

    static SkyldigtBeløbRegistered arisen(DebtKind kind, String amount) {
        return new SkyldigtBeløbRegistered("D-1", "K5", "1001", kind, m(amount), MARCH, "2026-03", NET_PAY, "61.50",
                List.of(PostingLine.debit("61.50", m(amount)), PostingLine.credit(NET_PAY, m(amount))));
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EmployeeDebt.class);
        fixture.registerInjectableResource(new DebtAccounts("61.50", "22.91"));
        fixture.registerCommandTargetResolver(DebtConfig::debtOf);
    }

    @Test
    void aDebtArisesAsDebit6150() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSkyldigtBeløb("D-1", "K5", "1001", DebtKind.AUTO, m("3200.00"), MARCH, "2026-03", NET_PAY))
                .expectEvents(arisen(DebtKind.AUTO, "3200.00"));
    }

    @Test
    void aDebtBelongsToAnEmployerAndItsEmployee() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSkyldigtBeløb("D-1", null, "1001", DebtKind.AUTO, m("3200.00"), MARCH, "2026-03", NET_PAY))
                .expectNoEvents()
                .expectException(LedgerException.Invalid.class)
                .expectExceptionMessage(containsString("employerId"));
        fixture.givenNoPriorActivity()
                .when(new RegisterSkyldigtBeløb("D-2", "K101", "1001", DebtKind.AUTO, m("500.00"), MARCH, "2026-03", NET_PAY))
                .expectEvents(new SkyldigtBeløbRegistered("D-2", "K101", "1001", DebtKind.AUTO, m("500.00"), MARCH, "2026-03",
                        NET_PAY, "61.50", List.of(PostingLine.debit("61.50", m("500.00")), PostingLine.credit(NET_PAY, m("500.00")))));
    }

    @Test
    void anOffsetInALaterPayoutCredits6150() {
        fixture.given(arisen(DebtKind.AUTO, "3200.00"))
                .when(new OffsetSkyldigtBeløb("D-1", "OFF-1", m("2000.00"), APRIL, "2026-04"))
                .expectEvents(new SkyldigtBeløbOffset("D-1", "OFF-1", m("2000.00"), APRIL, "2026-04", m("1200.00"),
                        List.of(PostingLine.debit(NET_PAY, m("2000.00")), PostingLine.credit("61.50", m("2000.00")))));
    }

    @Test
    void anOffsetCanReduceThePayoutOnAnotherAccountThanTheDebtsCounterAccount() {
        fixture.given(arisen(DebtKind.AUTO, "3200.00"))
                .when(new OffsetSkyldigtBeløb("D-1", "OFF-1", m("2000.00"), APRIL, "2026-04", "0000000500"))
                .expectEvents(new SkyldigtBeløbOffset("D-1", "OFF-1", m("2000.00"), APRIL, "2026-04", m("1200.00"),
                        List.of(PostingLine.debit("0000000500", m("2000.00")), PostingLine.credit("61.50", m("2000.00")))));
    }

    @Test
    void anOffsetAgainstTheDebtAccountItselfIsRefused() {
        fixture.given(arisen(DebtKind.AUTO, "3200.00"))
                .when(new OffsetSkyldigtBeløb("D-1", "OFF-1", m("2000.00"), APRIL, "2026-04", "61.50"))
                .expectNoEvents()
                .expectExceptionMessage("counterAccount must not be the debt account 61.50");
    }

    @Test
    void aCashPaymentCredits6150AndRecordsThe2913And8561Pair() {
        fixture.given(arisen(DebtKind.AUTO, "1200.00"))
                .when(new PaySkyldigtBeløb("D-1", "PAY-1", m("1200.00"), APRIL, "5820"))
                .expectEvents(new SkyldigtBeløbPaid("D-1", "PAY-1", m("1200.00"), APRIL, "5820", Money.ZERO,
                        List.of(PostingLine.debit("5820", m("1200.00")), PostingLine.credit("61.50", m("1200.00")),
                                PostingLine.debit("61.50", m("1200.00")), PostingLine.credit("61.50", m("1200.00")))));
    }

    @Test
    void aWriteOffDebits2291AndCredits6150() {
        fixture.given(arisen(DebtKind.MANUAL, "15000.00"))
                .when(new WriteOffSkyldigtBeløb("D-1", "WO-1", m("15000.00"), APRIL))
                .expectEvents(new SkyldigtBeløbWrittenOff("D-1", "WO-1", m("15000.00"), APRIL, "22.91", Money.ZERO,
                        List.of(PostingLine.debit("22.91", m("15000.00")), PostingLine.credit("61.50", m("15000.00")))));
    }

    @Test
    void nothingMayTakeADebtBelowZero() {
        fixture.given(arisen(DebtKind.AUTO, "100.00"))
                .when(new OffsetSkyldigtBeløb("D-1", "OFF-1", m("100.01"), APRIL, "2026-04"))
                .expectException(LedgerException.RuleViolation.class)
                .expectExceptionMessage(containsString("only 100.00 is outstanding"));
        fixture.given(arisen(DebtKind.AUTO, "100.00"), new SkyldigtBeløbPaid("D-1", "P", m("100.00"), APRIL, "5820", Money.ZERO, List.of()))
                .when(new WriteOffSkyldigtBeløb("D-1", "WO-1", m("0.01"), APRIL))
                .expectException(LedgerException.RuleViolation.class);
    }

    @Test
    void amountsArePositiveAndTheCounterAccountIsNot6150() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSkyldigtBeløb("D-1", "K5", "1001", DebtKind.AUTO, m("-1.00"), MARCH, "2026-03", NET_PAY))
                .expectException(LedgerException.Invalid.class);
        fixture.givenNoPriorActivity()
                .when(new RegisterSkyldigtBeløb("D-1", "K5", "1001", DebtKind.AUTO, m("1.00"), MARCH, "2026-03", "61.50"))
                .expectException(LedgerException.Invalid.class);
        fixture.given(arisen(DebtKind.MANUAL, "10.00"))
                .when(new PaySkyldigtBeløb("D-1", "PAY-1", m("0.00"), APRIL, "5820"))
                .expectException(LedgerException.Invalid.class);
    }
}
