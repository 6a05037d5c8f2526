package dk.platform.payroll.run;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.LedgerCommandResult;
import dk.platform.ledger.api.command.OffsetSkyldigtBeløb;
import dk.platform.ledger.api.command.PostJournalEntry;
import dk.platform.ledger.api.command.RegisterSkyldigtBeløb;
import dk.platform.ledger.api.command.ReverseEntry;
import dk.platform.payroll.debt.DebtPlan;
import dk.platform.payroll.posting.DifferenceCause;
import dk.platform.payroll.posting.Voucher;
import dk.platform.payroll.run.PayrollRun.LedgerAction;
import dk.platform.payroll.run.PayrollRun.LedgerAction.Type;
import dk.platform.payroll.run.PayrollRun.Status;
import dk.platform.payroll.voucher.VoucherKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Approval (SPEC §4.4: the CENTRAL lines as one journal entry, over {@code ledger.commands}) and
 * re-run of posting (reverse the run's entry, then post the regenerated voucher). When a run's
 * entry is first accepted, its employee-debt steps follow (register debts for negative net pay,
 * offset debts from payouts; SPEC §5); a re-run of posting corrects the entry only. Each command is
 * recorded on the run before it is sent, with an id that is the entry id it posts under, so
 * approving twice posts once, a redelivered answer changes nothing, and a command whose send was
 * cut short by a restart is sent again at start-up (the ledger answers a repeat as REPLAYED).
 * Each action records the user who approved or asked for the re-posting, and every command it
 * leads to (the debt steps, the post after a reversal, a resend) goes on their behalf.
 */
@Component
public class Approvals {

    private static final Logger log = LoggerFactory.getLogger(Approvals.class);

    private final RunStore runs;
    private final RunProcessor processor;
    private final LedgerGateway ledger;
    private final Clock clock = Clock.systemUTC();

    public Approvals(RunStore runs, RunProcessor processor, LedgerGateway ledger) {
        this.runs = runs;
        this.processor = processor;
        this.ledger = ledger;
    }

    /** @param by the authenticated user who approves: the ledger records the entry as posted on their behalf */
    public PayrollRun approve(String runId, LocalDate postingDate, String by) {
        PayrollRun run = require(runId);
        switch (run.status()) {
            case CALCULATING -> throw new RunProblem(409, "payroll run " + runId + " is still being calculated; approve it"
                    + " when its status is CALCULATED");
            case FAILED -> throw new RunProblem(422, "payroll run " + runId + " failed: " + run.failure());
            case APPROVAL_PENDING, POSTED, REPOSTING -> {
                return run; // approving twice posts once
            }
            default -> { }
        }
        PayrollRun.VoucherRecord voucher = run.currentVoucher();
        refuseUnlessPostable(runId, voucher);
        List<DebtPlan.Warning> blocking = voucher.debts().blocking();
        if (!blocking.isEmpty()) {
            throw new RunProblem(422, "payroll run " + runId + " has negative net pay that cannot become an employee debt: "
                    + blocking.get(0).message(), blocking);
        }
        LedgerAction post = postAction(run, voucher.voucherNo(), postingDate == null ? run.dispositionDate() : postingDate, by);
        PayrollRun claimed = runs.update(runId, r -> r.status() == Status.CALCULATED || r.status() == Status.REJECTED
                ? r.with(Status.APPROVAL_PENDING, null).withLedger(l -> add(l, post)) : r);
        if (claimed.status() == Status.APPROVAL_PENDING && pending(claimed, post)) {
            send(claimed, post);
        }
        return runs.find(runId).orElseThrow();
    }

    /** Regenerates the voucher with the current setup, reverses the run's entry and posts the new voucher. */
    public PayrollRun repost(String runId, long timeoutSeconds, String by) {
        PayrollRun run = require(runId);
        if (run.status() != Status.POSTED || run.postedEntry() == null) {
            throw new RunProblem(409, "payroll run " + runId + " is " + run.status()
                    + "; only a run whose entry is posted can be re-posted (approve it first)");
        }
        PayrollRun.VoucherRecord voucher = await(processor.submit(runId, VoucherKind.REPOSTING), timeoutSeconds);
        if (voucher == null) {
            throw new RunProblem(503, "the regenerated voucher was not ready within " + timeoutSeconds + " s; nothing was"
                    + " reversed; try again when the run's progress shows it done");
        }
        refuseUnlessPostable(runId, voucher);
        LedgerAction posted = run.postedEntry();
        String reversalId = posted.entryId() + LedgerAction.REVERSAL_SUFFIX;
        LedgerAction reverse = new LedgerAction(reversalId, Type.REVERSE, reversalId, posted.voucherNo(), posted.postingDate(),
                LedgerAction.Status.PENDING, null, null, null, clock.instant(), null, voucher.voucherNo(), by, posted.entryId());
        PayrollRun claimed = runs.update(runId, r -> r.status() == Status.POSTED
                ? r.with(Status.REPOSTING, null).withLedger(l -> add(l, reverse)) : r);
        if (claimed.status() == Status.REPOSTING && pending(claimed, reverse)) {
            send(claimed, reverse);
        }
        return runs.find(runId).orElseThrow();
    }

    /** A voucher of the current setup without posting (SPEC §4.4 posting check); null if not ready within the timeout. */
    public PayrollRun.VoucherRecord check(String runId, long timeoutSeconds) {
        PayrollRun run = require(runId);
        if (run.status() == Status.CALCULATING || run.status() == Status.FAILED) {
            throw new RunProblem(409, "payroll run " + runId + " is " + run.status() + "; a posting check needs a calculated run");
        }
        return await(processor.submit(runId, VoucherKind.CHECK), timeoutSeconds);
    }

    /** The ledger's answer to one of this service's commands. */
    public void answered(LedgerCommandResult result) {
        String runId = runs.runOfCommand(result.commandId()).orElse(null);
        if (runId == null) {
            return; // another service's command
        }
        List<LedgerAction> next = new ArrayList<>();
        PayrollRun updated = runs.update(runId, run -> {
            LedgerAction action = run.ledger().stream()
                    .filter(a -> a.commandId().equals(result.commandId()) && a.pending())
                    .findFirst().orElse(null);
            if (action == null) {
                return run; // a repeat of an answer already recorded
            }
            boolean accepted = result.status() == LedgerCommandResult.Status.ACCEPTED;
            LedgerAction answered = action.answered(accepted ? LedgerAction.Status.ACCEPTED : LedgerAction.Status.REJECTED,
                    result.outcome(), result.errorStatus(), result.error(), clock.instant());
            PayrollRun changed = run.withLedger(l -> {
                l.set(l.indexOf(action), answered);
                return l;
            });
            if (action.type() == Type.REGISTER_DEBT || action.type() == Type.OFFSET_DEBT) {
                return accepted ? changed : changed.with(changed.status(), "the ledger refused the debt step "
                        + action.commandId() + ": " + result.error());
            }
            if (action.type() == Type.POST) {
                if (!accepted) {
                    return changed.with(Status.REJECTED, "the ledger refused the entry: " + result.error());
                }
                boolean debtsSent = run.ledger().stream().anyMatch(a -> a.type() == Type.REGISTER_DEBT
                        || a.type() == Type.OFFSET_DEBT);
                if (!debtsSent) {
                    for (DebtPlan.Step step : run.voucher(action.voucherNo()).debts().steps()) {
                        next.add(new LedgerAction(step.id(), DebtPlan.Step.REGISTER.equals(step.type()) ? Type.REGISTER_DEBT
                                : Type.OFFSET_DEBT, step.id(), action.voucherNo(), action.postingDate(), LedgerAction.Status.PENDING,
                                null, null, null, clock.instant(), null, null, action.onBehalfOf(), null));
                    }
                }
                return changed.with(Status.POSTED, null).withLedger(l -> {
                    l.addAll(next);
                    return l;
                });
            }
            if (!accepted) {
                return changed.with(Status.POSTED, "the ledger refused the reversal: " + result.error());
            }
            LedgerAction post = postAction(run, action.then(), action.postingDate(), action.onBehalfOf());
            next.add(post);
            return changed.withLedger(l -> add(l, post));
        });
        log.info("payroll run {}: the ledger answered {} {}{}", runId, result.commandId(), result.status(),
                result.error() == null ? "" : ": " + result.error());
        next.forEach(post -> send(updated, post));
    }

    /** Commands recorded but perhaps never sent (a restart in between) go again; the ledger de-duplicates. */
    @EventListener(ApplicationReadyEvent.class)
    void resendPending() {
        for (Status status : List.of(Status.APPROVAL_PENDING, Status.REPOSTING, Status.POSTED)) {
            for (PayrollRun run : runs.inStatus(status)) {
                run.ledger().stream().filter(LedgerAction::pending).forEach(a -> send(run, a));
            }
        }
    }

    private LedgerAction postAction(PayrollRun run, int voucherNo, LocalDate postingDate, String by) {
        String entryId = "payroll-" + run.runId() + "-v" + voucherNo;
        return new LedgerAction(entryId, Type.POST, entryId, voucherNo, postingDate, LedgerAction.Status.PENDING, null, null,
                null, clock.instant(), null, null, by, null);
    }

    private void send(PayrollRun run, LedgerAction action) {
        runs.rememberCommand(action.commandId(), run.runId());
        ledger.send(action.commandId(), command(run, action), run.correlationId(), action.onBehalfOf());
    }

    private static Object command(PayrollRun run, LedgerAction action) {
        return switch (action.type()) {
            case POST -> new PostJournalEntry(action.entryId(), action.postingDate(), "Lønkørsel " + run.runId() + " bilag "
                    + action.voucherNo(), null, run.voucher(action.voucherNo()).centralLines());
            case REVERSE -> new ReverseEntry(action.reversedEntryId(), action.entryId(), action.postingDate(),
                    "Omkørsel af bogføring, lønkørsel " + run.runId());
            case REGISTER_DEBT, OFFSET_DEBT -> debtStep(run, action);
        };
    }

    private static Object debtStep(PayrollRun run, LedgerAction action) {
        DebtPlan.Step step = run.voucher(action.voucherNo()).debts().steps().stream()
                .filter(s -> s.id().equals(action.commandId())).findFirst().orElseThrow();
        return action.type() == Type.REGISTER_DEBT
                ? new RegisterSkyldigtBeløb(step.debtId(), run.employerId(), step.employeeNo(), step.kind(), step.amount(), action.postingDate(),
                run.runId(), step.counterAccount())
                : new OffsetSkyldigtBeløb(step.debtId(), step.id(), step.amount(), action.postingDate(), run.runId(),
                step.counterAccount());
    }

    private static void refuseUnlessPostable(String runId, PayrollRun.VoucherRecord voucher) {
        if (voucher == null) {
            throw new RunProblem(409, "payroll run " + runId + " has no voucher yet");
        }
        if (!voucher.postable()) {
            List<Object> causes = new ArrayList<>(voucher.causes());
            boolean leftOff = voucher.difference().isZero() && !Voucher.notPosted(voucher.causes()).isZero();
            String detail = "voucher " + voucher.voucherNo() + " of payroll run " + runId + " cannot be posted (bilaget kan ikke"
                    + " bogføres): difference (forskel) " + Voucher.realDifference(voucher.difference(), voucher.causes(),
                    voucher.centralTotals()) + (leftOff ? " not posted (ikke bogført)" : "");
            if (!voucher.causes().isEmpty()) {
                detail += "; " + voucher.causes().stream().limit(5).map(DifferenceCause::describe)
                        .collect(java.util.stream.Collectors.joining("; "))
                        + (voucher.causes().size() > 5 ? "; and " + (voucher.causes().size() - 5) + " more causes" : "");
            }
            if (!voucher.centralTotals().balanced()) {
                detail += "; its CENTRAL lines (til finans) do not balance: debit (debet) " + voucher.centralTotals().debit()
                        + ", credit (kredit) " + voucher.centralTotals().credit();
            }
            throw new RunProblem(422, detail, causes);
        }
    }

    private static boolean pending(PayrollRun run, LedgerAction action) {
        return run.ledger().stream().anyMatch(a -> a.commandId().equals(action.commandId()) && a.pending());
    }

    private static List<LedgerAction> add(List<LedgerAction> actions, LedgerAction action) {
        actions.add(action);
        return actions;
    }

    private PayrollRun require(String runId) {
        return runs.find(runId).orElseThrow(() -> new RunProblem(404, "no payroll run " + InputRules.quote(runId)));
    }

    private static PayrollRun.VoucherRecord await(java.util.concurrent.CompletableFuture<PayrollRun.VoucherRecord> future,
                                                  long timeoutSeconds) {
        try {
            return future.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RunProblem problem) {
                throw problem;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            return null; // still being generated: its progress is on the run
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
