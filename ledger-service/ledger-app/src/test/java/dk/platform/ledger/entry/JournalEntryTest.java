package dk.platform.ledger.entry;

import dk.platform.ledger.api.AllocationReason;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.command.ItemLine;
import dk.platform.ledger.api.command.RegisterOpenItem;
import dk.platform.ledger.api.event.AppliedAmount;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.JournalEntryPosted;
import dk.platform.ledger.api.event.OpenItemAllocated;
import dk.platform.ledger.api.event.OpenItemAllocationReleased;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.ledger.api.event.OpenItemsApplied;
import dk.platform.ledger.api.event.OpenItemsUnapplied;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.entry.InternalCommands.AllocateOpenItem;
import dk.platform.ledger.entry.InternalCommands.MarkUnapplied;
import dk.platform.ledger.entry.InternalCommands.RecordEntry;
import dk.platform.ledger.entry.InternalCommands.ReleaseAllocations;
import dk.platform.ledger.entry.InternalCommands.ReverseOwnEntry;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dk.platform.ledger.api.AllocationReason.PAYMENT;
import static dk.platform.ledger.api.AllocationReason.WRITE_OFF;
import static org.hamcrest.Matchers.containsString;

/** Every rule of SPEC §1 that one entry decides by itself, through Axon's aggregate fixture. */
class JournalEntryTest {

    static final LocalDate MARCH = LocalDate.of(2026, 3, 31);
    static final LocalDate APRIL = LocalDate.of(2026, 4, 20);

    AggregateTestFixture<JournalEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JournalEntry.class);
    }

    static Money m(String amount) {
        return Money.of(amount);
    }

    static OpenItemRegistered invoice() {
        return new OpenItemRegistered("SS-2026-03", OpenItemKind.RECEIVABLE, "REGION-H", "2026-03", MARCH, APRIL.plusDays(10),
                "Sygesikring", m("48250.00"), "1100", "1010",
                List.of(new ItemLine("A", "Behandler A", m("30000.00")), new ItemLine("B", "Behandler B", m("18250.00"))),
                List.of(PostingLine.debit("1100", m("48250.00")), PostingLine.credit("1010", m("48250.00"))));
    }

    static OpenItemAllocated allocated(String entryId, String line, String amount, AllocationReason reason, String remaining) {
        return new OpenItemAllocated("SS-2026-03", entryId, line, m(amount), reason, APRIL, m(remaining));
    }

    @Test
    void aBalancedEntryIsPosted() {
        List<PostingLine> lines = List.of(PostingLine.debit("6100", m("100.00")), PostingLine.credit("5820", m("100.00")));
        fixture.givenNoPriorActivity()
                .when(new RecordEntry(new JournalEntryPosted("JE-1", MARCH, "Husleje", null, lines)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new JournalEntryPosted("JE-1", MARCH, "Husleje", null, lines));
    }

    @Test
    void anUnbalancedEntryIsRejectedNamingBothSums() {
        fixture.givenNoPriorActivity()
                .when(new RecordEntry(new JournalEntryPosted("JE-1", MARCH, "x", null,
                        List.of(PostingLine.debit("6100", m("100.00")), PostingLine.credit("5820", m("99.99"))))))
                .expectException(LedgerException.RuleViolation.class)
                .expectExceptionMessage(containsString("debit 100.00, credit 99.99"))
                .expectNoEvents();
    }

    @Test
    void aLineWithBothDebitAndCreditIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new RecordEntry(new JournalEntryPosted("JE-1", MARCH, "x", null,
                        List.of(new PostingLine("6100", m("1.00"), m("1.00")), PostingLine.credit("5820", m("1.00"))))))
                .expectException(LedgerException.Invalid.class)
                .expectExceptionMessage(containsString("either debit or credit"));
    }

    @Test
    void anEntryNeedsTwoLines() {
        fixture.givenNoPriorActivity()
                .when(new RecordEntry(new JournalEntryPosted("JE-1", MARCH, "x", null, List.of(PostingLine.debit("6100", m("1.00"))))))
                .expectException(LedgerException.Invalid.class);
    }

    @Test
    void aReceivablePostsDebitControlCreditOffset() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOpenItem("SS-2026-03", OpenItemKind.RECEIVABLE, "REGION-H", "2026-03", MARCH, APRIL.plusDays(10),
                        "Sygesikring", m("48250.00"), "1100", "1010",
                        List.of(new ItemLine("A", "Behandler A", m("30000.00")), new ItemLine("B", "Behandler B", m("18250.00")))))
                .expectEvents(invoice());
    }

    @Test
    void aPayablePostsDebitOffsetCreditControl() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOpenItem("K-1", OpenItemKind.PAYABLE, "LEV-1", "F-9", MARCH, APRIL, "Varekøb", m("250.00"),
                        "2400", "6100", null))
                .expectEvents(new OpenItemRegistered("K-1", OpenItemKind.PAYABLE, "LEV-1", "F-9", MARCH, APRIL, "Varekøb",
                        m("250.00"), "2400", "6100", List.of(),
                        List.of(PostingLine.debit("6100", m("250.00")), PostingLine.credit("2400", m("250.00")))));
    }

    @Test
    void itemLinesMustSumToTheItemAmount() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOpenItem("X", OpenItemKind.RECEIVABLE, "P", "D", MARCH, APRIL, "t", m("100.00"), "1100", "1010",
                        List.of(new ItemLine("A", "a", m("60.00")), new ItemLine("B", "b", m("30.00")))))
                .expectException(LedgerException.RuleViolation.class)
                .expectExceptionMessage(containsString("the lines sum to 90.00 but the item amount is 100.00"));
    }

    @Test
    void aPartialPaymentLeavesTheRestRemainingOnTheNamedLine() {
        fixture.given(invoice())
                .when(new AllocateOpenItem("SS-2026-03", "PAY-1", "B", m("1000.00"), PAYMENT, APRIL))
                .expectEvents(allocated("PAY-1", "B", "1000.00", PAYMENT, "47250.00"));
    }

    @Test
    void applyingWithoutALineSpreadsOverTheLinesInOrder() {
        fixture.given(invoice(), allocated("PAY-1", "A", "29000.00", PAYMENT, "19250.00"))
                .when(new AllocateOpenItem("SS-2026-03", "PAY-2", null, m("2000.00"), PAYMENT, APRIL))
                .expectEvents(allocated("PAY-2", "A", "1000.00", PAYMENT, "18250.00"),
                        allocated("PAY-2", "B", "1000.00", PAYMENT, "17250.00"));
    }

    @Test
    void applyingMoreThanRemainsIsRejected() {
        fixture.given(invoice(), allocated("PAY-1", null, "48000.00", PAYMENT, "250.00"))
                .when(new AllocateOpenItem("SS-2026-03", "PAY-2", null, m("250.01"), PAYMENT, APRIL))
                .expectException(LedgerException.RuleViolation.class)
                .expectExceptionMessage(containsString("only 250.00 remains"))
                .expectNoEvents();
    }

    @Test
    void applyingMoreThanALineRemainsIsRejected() {
        fixture.given(invoice())
                .when(new AllocateOpenItem("SS-2026-03", "W-1", "B", m("18250.01"), WRITE_OFF, APRIL))
                .expectException(LedgerException.RuleViolation.class)
                .expectExceptionMessage(containsString("line B of open item SS-2026-03"));
    }

    @Test
    void anUnknownLineIsNotFound() {
        fixture.given(invoice())
                .when(new AllocateOpenItem("SS-2026-03", "W-1", "C", m("1.00"), WRITE_OFF, APRIL))
                .expectException(LedgerException.NotFound.class);
    }

    @Test
    void aNegativeWriteOffMakesTheItemGrow() {
        fixture.given(invoice())
                .when(new AllocateOpenItem("SS-2026-03", "DIFF", null, m("-2.50"), WRITE_OFF, APRIL))
                .expectEvents(allocated("DIFF", "A", "-2.50", WRITE_OFF, "48252.50"));
    }

    @Test
    void aPaymentCannotMakeTheItemGrow() {
        fixture.given(invoice())
                .when(new AllocateOpenItem("SS-2026-03", "PAY-1", null, m("-2.50"), PAYMENT, APRIL))
                .expectException(LedgerException.RuleViolation.class)
                .expectExceptionMessage(containsString("must have the item's sign"));
    }

    @Test
    void aWriteOffMayNotMakeRemainingNegative() {
        fixture.given(invoice(), allocated("PAY-1", null, "48000.00", PAYMENT, "250.00"))
                .when(new AllocateOpenItem("SS-2026-03", "W-9", null, m("300.00"), WRITE_OFF, APRIL))
                .expectException(LedgerException.RuleViolation.class)
                .expectExceptionMessage(containsString("it would leave -50.00"));
    }

    @Test
    void releasingGivesBackExactlyWhatAnEntryApplied() {
        fixture.given(invoice(), allocated("PAY-1", "A", "100.00", PAYMENT, "48150.00"),
                        allocated("PAY-1", "B", "50.00", PAYMENT, "48100.00"), allocated("PAY-2", "B", "1.00", PAYMENT, "48099.00"))
                .when(new ReleaseAllocations("SS-2026-03", "PAY-1", AllocationReason.REVERSAL, APRIL))
                .expectEvents(new OpenItemAllocationReleased("SS-2026-03", "PAY-1", "A", m("100.00"), AllocationReason.REVERSAL, APRIL, m("48199.00")),
                        new OpenItemAllocationReleased("SS-2026-03", "PAY-1", "B", m("50.00"), AllocationReason.REVERSAL, APRIL, m("48249.00")));
    }

    @Test
    void givingBackANegativeWriteOffAfterTheItemWasPaidMayNotTakeItPastZero() {
        // a negative write-off raised the remaining amount; a payment then took all of it
        fixture.given(invoice(), allocated("W-NEG", null, "-59.78", WRITE_OFF, "48309.78"),
                        allocated("PAY-1", null, "48309.78", PAYMENT, "0.00"))
                .when(new ReleaseAllocations("SS-2026-03", "W-NEG", AllocationReason.REVERSAL, APRIL))
                .expectNoEvents()
                .expectException(LedgerException.RuleViolation.class)
                .expectExceptionMessage(containsString("past zero (0.00 would become -59.78)"));
    }

    @Test
    void anEntryIsReversedOnceWithDebitAndCreditSwapped() {
        List<PostingLine> lines = List.of(PostingLine.debit("6100", m("100.00")), PostingLine.credit("5820", m("100.00")));
        fixture.given(new JournalEntryPosted("JE-1", MARCH, "x", null, lines))
                .when(new ReverseOwnEntry("JE-1", "JE-1-R", APRIL, "fejl"))
                .expectEvents(new EntryReversed("JE-1", "JE-1-R", APRIL, "fejl",
                        List.of(PostingLine.credit("6100", m("100.00")), PostingLine.debit("5820", m("100.00"))), false));
    }

    @Test
    void anEntryCannotBeReversedTwice() {
        List<PostingLine> lines = List.of(PostingLine.debit("6100", m("100.00")), PostingLine.credit("5820", m("100.00")));
        fixture.given(new JournalEntryPosted("JE-1", MARCH, "x", null, lines),
                        new EntryReversed("JE-1", "JE-1-R", APRIL, "fejl", lines.stream().map(PostingLine::swapped).toList(), false))
                .when(new ReverseOwnEntry("JE-1", "JE-1-R2", APRIL, "igen"))
                .expectException(LedgerException.RuleViolation.class)
                .expectExceptionMessage(containsString("already reversed by JE-1-R"));
    }

    @Test
    void reversingAPaymentAnswersWhatItAppliedSoTheItemsReopen() {
        PaymentApplied payment = new PaymentApplied("PAY-1", "REGION-H", OpenItemKind.RECEIVABLE, APRIL, "bank", "5820", "1100",
                m("500.00"), List.of(new AppliedAmount("SS-2026-03", null, m("500.00"))), Money.ZERO,
                List.of(PostingLine.debit("5820", m("500.00")), PostingLine.credit("1100", m("500.00"))));
        fixture.given(payment)
                .when(new ReverseOwnEntry("PAY-1", "PAY-1-R", APRIL, "retur"))
                .expectResultMessagePayload(List.of(new AppliedAmount("SS-2026-03", null, m("500.00"))))
                .expectEvents(new EntryReversed("PAY-1", "PAY-1-R", APRIL, "retur",
                        List.of(PostingLine.credit("5820", m("500.00")), PostingLine.debit("1100", m("500.00"))), false));
    }

    @Test
    void reversingAnOpenItemsOwnEntryCancelsIt() {
        fixture.given(invoice())
                .when(new ReverseOwnEntry("SS-2026-03", "SS-R", APRIL, "annulleret"))
                .expectEvents(new EntryReversed("SS-2026-03", "SS-R", APRIL, "annulleret",
                        invoice().lines().stream().map(PostingLine::swapped).toList(), true));
    }

    @Test
    void anItemWithPaymentsCannotBeCancelledByReversal() {
        fixture.given(invoice(), allocated("PAY-1", "A", "100.00", PAYMENT, "48150.00"))
                .when(new ReverseOwnEntry("SS-2026-03", "SS-R", APRIL, "annulleret"))
                .expectException(LedgerException.RuleViolation.class)
                .expectExceptionMessage(containsString("reverse or unapply those first"));
    }

    @Test
    void aCancelledItemTakesNoMorePayments() {
        fixture.given(invoice(), new EntryReversed("SS-2026-03", "SS-R", APRIL, "x", List.of(), true))
                .when(new AllocateOpenItem("SS-2026-03", "PAY-1", null, m("1.00"), PAYMENT, APRIL))
                .expectException(LedgerException.RuleViolation.class)
                .expectExceptionMessage(containsString("cancelled by reversal SS-R"));
    }

    @Test
    void anApplicationIsUndoneOnceAndCannotBeReversed() {
        OpenItemsApplied application = new OpenItemsApplied("APP-1", "P", APRIL, "",
                List.of(new AppliedAmount("INV", null, m("100.00")), new AppliedAmount("CM", null, m("-100.00"))));
        fixture.given(application)
                .when(new ReverseOwnEntry("APP-1", "APP-1-R", APRIL, ""))
                .expectException(LedgerException.RuleViolation.class)
                .expectExceptionMessage(containsString("DELETE /api/applications/APP-1"));
        fixture.given(application, new OpenItemsUnapplied("APP-1", APRIL, application.applications()))
                .when(new MarkUnapplied("APP-1", APRIL))
                .expectException(LedgerException.RuleViolation.class)
                .expectExceptionMessage(containsString("already undone"));
    }

    @Test
    void undoingAnApplicationPostsBackTheLinesItsDefinitionMade() {
        PostingLine.GeneratedBy by = new PostingLine.GeneratedBy("APP", 1, 1);
        List<PostingLine> lines = List.of(PostingLine.credit("1100", m("100.00")), PostingLine.debit("1100", m("100.00")),
                PostingLine.debit("1190", m("100.00")).generatedBy(by), PostingLine.credit("5820", m("100.00")).generatedBy(by));
        OpenItemsApplied application = new OpenItemsApplied("APP-1", "P", APRIL, "",
                List.of(new AppliedAmount("INV", null, m("100.00")), new AppliedAmount("CM", null, m("-100.00"))), lines);
        fixture.given(application)
                .when(new MarkUnapplied("APP-1", APRIL.plusDays(1)))
                .expectResultMessagePayload(application.applications())
                .expectEvents(new OpenItemsUnapplied("APP-1", APRIL.plusDays(1), application.applications(),
                        lines.stream().map(PostingLine::swapped).toList()));
    }

    @Test
    void anApplicationWhoseGeneratedLinesDoNotBalanceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordEntry(new OpenItemsApplied("APP-1", "P", APRIL, "",
                        List.of(new AppliedAmount("INV", null, m("100.00")), new AppliedAmount("CM", null, m("-100.00"))),
                        List.of(PostingLine.credit("1100", m("100.00")), PostingLine.debit("1100", m("100.00")),
                                PostingLine.debit("1190", m("100.00"))))))
                .expectException(LedgerException.RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aRecordedEntryMustBalance() {
        fixture.givenNoPriorActivity()
                .when(new RecordEntry(new PaymentApplied("PAY-1", "P", OpenItemKind.RECEIVABLE, APRIL, "", "5820", "1100", m("5.00"),
                        List.of(), m("5.00"), List.of(PostingLine.debit("5820", m("5.00")), PostingLine.credit("1100", m("4.00"))))))
                .expectException(LedgerException.RuleViolation.class);
    }

    @Test
    void anUnappliedPaymentIsAnOpenCreditItemThatCanBeApplied() {
        fixture.given(new PaymentApplied("PAY-1", "P", OpenItemKind.RECEIVABLE, APRIL, "", "5820", "1100", m("80.00"),
                        List.of(), m("80.00"), List.of(PostingLine.debit("5820", m("80.00")), PostingLine.credit("1100", m("80.00")))))
                .when(new AllocateOpenItem("PAY-1", "APP-1", null, m("-30.00"), AllocationReason.APPLICATION, APRIL))
                .expectEvents(new OpenItemAllocated("PAY-1", "APP-1", null, m("-30.00"), AllocationReason.APPLICATION, APRIL, m("-50.00")));
    }
}
