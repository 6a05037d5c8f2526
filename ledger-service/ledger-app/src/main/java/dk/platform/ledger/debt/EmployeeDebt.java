package dk.platform.ledger.debt;

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
import dk.platform.ledger.domain.Check;
import dk.platform.ledger.domain.LedgerException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An employee debt (skyldigt beløb) on account 61.50 and its own history: how it arose, and
 * the offsets, cash payments and write-offs that bring it to zero (SPEC §5). Nothing may take it
 * below zero. It belongs to one employer's employee. Aggregate id: the debt id (which is also the entry id of how it arose).
 */
@Aggregate(commandTargetResolver = "debtTargetResolver")
public class EmployeeDebt {

    @AggregateIdentifier
    private String debtId;
    private String counterAccount;
    private Money outstanding;

    protected EmployeeDebt() {
        // for Axon
    }

    @CommandHandler
    public EmployeeDebt(RegisterSkyldigtBeløb c, DebtAccounts accounts) {
        Check.id(c.debtId(), "debtId");
        Check.id(c.employerId(), "employerId"); // SPEC §5: a debt belongs to an employer and an employee
        Check.id(c.employeeNo(), "employeeNo");
        Check.required(c.kind(), "kind");
        Money amount = Check.positive(c.amount(), "amount");
        Check.required(c.postingDate(), "postingDate");
        Check.optionalId(c.payrollRunId(), "payrollRunId");
        Check.account(c.counterAccount(), "counterAccount");
        if (c.counterAccount().equals(accounts.debtAccount())) {
            throw new LedgerException.Invalid("counterAccount must not be the debt account " + accounts.debtAccount());
        }
        apply(new SkyldigtBeløbRegistered(c.debtId(), c.employerId(), c.employeeNo(), c.kind(), amount, c.postingDate(), c.payrollRunId(),
                c.counterAccount(), accounts.debtAccount(),
                List.of(PostingLine.debit(accounts.debtAccount(), amount), PostingLine.credit(c.counterAccount(), amount))));
    }

    @CommandHandler
    public void handle(OffsetSkyldigtBeløb c, DebtAccounts accounts) {
        Check.id(c.offsetId(), "offsetId");
        Money amount = take(c.amount(), c.postingDate(), "an offset");
        Check.optionalId(c.payrollRunId(), "payrollRunId");
        String reduced = c.counterAccount() == null ? counterAccount : Check.account(c.counterAccount(), "counterAccount");
        if (reduced.equals(accounts.debtAccount())) {
            throw new LedgerException.Invalid("counterAccount must not be the debt account " + accounts.debtAccount());
        }
        apply(new SkyldigtBeløbOffset(debtId, c.offsetId(), amount, c.postingDate(), c.payrollRunId(), outstanding.minus(amount),
                List.of(PostingLine.debit(reduced, amount), PostingLine.credit(accounts.debtAccount(), amount))));
    }

    @CommandHandler
    public void handle(PaySkyldigtBeløb c, DebtAccounts accounts) {
        Check.id(c.paymentId(), "paymentId");
        Money amount = take(c.amount(), c.postingDate(), "a payment");
        Check.account(c.cashAccount(), "cashAccount");
        String debt = accounts.debtAccount();
        apply(new SkyldigtBeløbPaid(debtId, c.paymentId(), amount, c.postingDate(), c.cashAccount(), outstanding.minus(amount),
                List.of(PostingLine.debit(c.cashAccount(), amount), PostingLine.credit(debt, amount),
                        // the payroll report of the payment: 2913 (D 61.50) offset by 8561 (K 61.50)
                        PostingLine.debit(debt, amount), PostingLine.credit(debt, amount))));
    }

    @CommandHandler
    public void handle(WriteOffSkyldigtBeløb c, DebtAccounts accounts) {
        Check.id(c.writeOffId(), "writeOffId");
        Money amount = take(c.amount(), c.postingDate(), "a write-off");
        apply(new SkyldigtBeløbWrittenOff(debtId, c.writeOffId(), amount, c.postingDate(), accounts.writeOffAccount(),
                outstanding.minus(amount),
                List.of(PostingLine.debit(accounts.writeOffAccount(), amount), PostingLine.credit(accounts.debtAccount(), amount))));
    }

    private Money take(Money requested, java.time.LocalDate postingDate, String what) {
        Money amount = Check.positive(requested, "amount");
        Check.required(postingDate, "postingDate");
        if (amount.compareTo(outstanding) > 0) {
            throw new LedgerException.RuleViolation(what + " of " + amount + " would take debt " + debtId
                    + " below zero: only " + outstanding + " is outstanding");
        }
        return amount;
    }

    @EventSourcingHandler
    void on(SkyldigtBeløbRegistered e) {
        debtId = e.debtId();
        counterAccount = e.counterAccount();
        outstanding = e.amount();
    }

    @EventSourcingHandler
    void on(SkyldigtBeløbOffset e) {
        outstanding = e.outstanding();
    }

    @EventSourcingHandler
    void on(SkyldigtBeløbPaid e) {
        outstanding = e.outstanding();
    }

    @EventSourcingHandler
    void on(SkyldigtBeløbWrittenOff e) {
        outstanding = e.outstanding();
    }
}
