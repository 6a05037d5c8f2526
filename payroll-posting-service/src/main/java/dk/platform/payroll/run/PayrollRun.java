package dk.platform.payroll.run;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.payroll.debt.DebtPlan;
import dk.platform.payroll.posting.DifferenceCause;
import dk.platform.payroll.posting.Totals;
import dk.platform.payroll.posting.Voucher;
import dk.platform.payroll.voucher.VoucherHeader;
import dk.platform.payroll.voucher.VoucherKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A payroll run as stored: what was received (header, where its lines are, their hash), its
 * status and progress, every voucher generated for it (the run's history), and what was sent to
 * the ledger and what the ledger answered.
 */
public record PayrollRun(String runId, String employerId, List<VoucherHeader.Period> periods, LocalDate dispositionDate,
                         LocalDate referenceDate, String inputFile, String inputHash, long lineCount, Instant receivedAt,
                         String receivedBy, Status status, String failure, Progress progress, List<VoucherRecord> vouchers,
                         List<LedgerAction> ledger) {

    public enum Status { CALCULATING, CALCULATED, FAILED, APPROVAL_PENDING, POSTED, REJECTED, REPOSTING }

    /** How far the current voucher generation has come. */
    public record Progress(VoucherKind kind, long linesDone, long linesTotal, Instant startedAt, Instant updatedAt,
                           Double linesPerSecond) {
    }

    /** One generated voucher: its kind, setup revision, totals, causes and ledger lines. */
    public record VoucherRecord(int voucherNo, VoucherKind kind, Instant generatedAt, long setupRevision, String sortingCode,
                                List<Voucher.ChartUse> charts, int voucherLines, Totals voucherTotals,
                                Totals spreadsheetTotals, Totals centralTotals, Money difference,
                                List<DifferenceCause> causes, boolean postable, List<PostingLine> centralLines,
                                List<Voucher.NetPay> negativeNetPay, DebtPlan debts, long runLines, int employees) {
    }

    /**
     * A command sent to the ledger for this run and its answer: POST of a voucher, REVERSE of an
     * earlier entry ({@code reversesEntryId}), or an employee-debt step. {@code then} is the voucher
     * a reversal makes way for; {@code onBehalfOf} the user the command is sent for.
     */
    public record LedgerAction(String commandId, Type type, String entryId, int voucherNo, LocalDate postingDate,
                               Status status, String outcome, Integer errorStatus, String error, Instant sentAt,
                               Instant answeredAt, Integer then, String onBehalfOf, String reversesEntryId) {

        /** The id of a reversal entry: the reversed entry's id with this suffix. */
        public static final String REVERSAL_SUFFIX = "-r";

        public enum Type { POST, REVERSE, REGISTER_DEBT, OFFSET_DEBT }

        public enum Status { PENDING, ACCEPTED, REJECTED }

        /**
         * The entry a REVERSE reverses (null for other types). Runs stored before the field was
         * recorded have none: their reversal's entry id is the reversed one's plus {@link #REVERSAL_SUFFIX}.
         */
        public String reversedEntryId() {
            if (type != Type.REVERSE) {
                return null;
            }
            return reversesEntryId != null ? reversesEntryId
                    : entryId.substring(0, entryId.length() - REVERSAL_SUFFIX.length());
        }

        public boolean pending() {
            return status == Status.PENDING;
        }

        /** This action with the ledger's answer. */
        public LedgerAction answered(Status newStatus, String newOutcome, Integer newErrorStatus, String newError, Instant at) {
            return new LedgerAction(commandId, type, entryId, voucherNo, postingDate, newStatus, newOutcome, newErrorStatus,
                    newError, sentAt, at, then, onBehalfOf, reversesEntryId);
        }
    }

    public String correlationId() {
        return "payroll-run-" + runId;
    }

    public VoucherRecord voucher(int voucherNo) {
        return vouchers.stream().filter(v -> v.voucherNo() == voucherNo).findFirst().orElse(null);
    }

    /** The voucher that is or would be posted: the latest of kind RUN or REPOSTING. */
    public VoucherRecord currentVoucher() {
        VoucherRecord current = null;
        for (VoucherRecord v : vouchers) {
            if (v.kind() != VoucherKind.CHECK) {
                current = v;
            }
        }
        return current;
    }

    /** The ledger entry that currently stands for this run (posted and not reversed), if any. */
    public LedgerAction postedEntry() {
        LedgerAction posted = null;
        for (LedgerAction action : ledger) {
            if (action.type() == LedgerAction.Type.POST && action.status() == LedgerAction.Status.ACCEPTED) {
                posted = action;
            }
            if (action.type() == LedgerAction.Type.REVERSE && action.status() == LedgerAction.Status.ACCEPTED && posted != null
                    && posted.entryId().equals(action.reversedEntryId())) {
                posted = null;
            }
        }
        return posted;
    }

    public PayrollRun with(Status newStatus, String newFailure) {
        return new PayrollRun(runId, employerId, periods, dispositionDate, referenceDate, inputFile, inputHash, lineCount,
                receivedAt, receivedBy, newStatus, newFailure, progress, vouchers, ledger);
    }

    public PayrollRun with(Progress newProgress) {
        return new PayrollRun(runId, employerId, periods, dispositionDate, referenceDate, inputFile, inputHash, lineCount,
                receivedAt, receivedBy, status, failure, newProgress, vouchers, ledger);
    }

    public PayrollRun withVoucher(VoucherRecord voucher) {
        List<VoucherRecord> all = new ArrayList<>(vouchers);
        all.add(voucher);
        return new PayrollRun(runId, employerId, periods, dispositionDate, referenceDate, inputFile, inputHash, lineCount,
                receivedAt, receivedBy, status, failure, progress, all, ledger);
    }

    public PayrollRun withLedger(UnaryOperator<List<LedgerAction>> change) {
        return new PayrollRun(runId, employerId, periods, dispositionDate, referenceDate, inputFile, inputHash, lineCount,
                receivedAt, receivedBy, status, failure, progress, vouchers, change.apply(new ArrayList<>(ledger)));
    }

    public int nextVoucherNo() {
        return vouchers.size() + 1;
    }
}
