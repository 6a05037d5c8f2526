package dk.platform.payroll.run;

import dk.platform.payroll.voucher.VoucherHeader;
import dk.platform.payroll.voucher.VoucherKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A payroll run as the API shows it: status, progress (with percent and time left), vouchers, ledger actions. */
record RunView(String runId, String employerId, List<VoucherHeader.Period> periods, LocalDate dispositionDate,
               LocalDate referenceDate, long lineCount, Instant receivedAt, String receivedBy, PayrollRun.Status status,
               String failure, Progress progress, List<PayrollRun.VoucherRecord> vouchers,
               List<PayrollRun.LedgerAction> ledger, String postedEntryId) {

    record Progress(VoucherKind kind, long linesDone, long linesTotal, double percent, Double linesPerSecond,
                    Long secondsLeft, Instant updatedAt) {
    }

    static RunView of(PayrollRun run) {
        PayrollRun.Progress p = run.progress();
        Progress progress = p == null ? null : new Progress(p.kind(), p.linesDone(), p.linesTotal(),
                p.linesTotal() == 0 ? 100 : Math.round(1000.0 * p.linesDone() / p.linesTotal()) / 10.0, p.linesPerSecond(),
                p.linesPerSecond() == null || p.linesPerSecond() == 0 ? null
                        : Math.round((p.linesTotal() - p.linesDone()) / p.linesPerSecond()), p.updatedAt());
        PayrollRun.LedgerAction posted = run.postedEntry();
        return new RunView(run.runId(), run.employerId(), run.periods(), run.dispositionDate(), run.referenceDate(),
                run.lineCount(), run.receivedAt(), run.receivedBy(), run.status(), run.failure(), progress, run.vouchers(),
                run.ledger(), posted == null ? null : posted.entryId());
    }
}
