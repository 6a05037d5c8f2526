package dk.platform.payroll.voucher;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the HTML voucher says about where it comes from: the run, the employer, the run's pay
 * periods, the disposition date, the voucher number and {@link VoucherKind kind} (SPEC §4.4), the
 * setup revision the voucher was generated from and when.
 */
public record VoucherHeader(String runId, String employerId, String employerName, List<Period> periods,
                            LocalDate dispositionDate, int voucherNo, VoucherKind kind, long setupRevision,
                            Instant generatedAt) {

    /** A pay period of the run, both days included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    public VoucherHeader {
        if (kind == null) {
            throw new IllegalArgumentException("a voucher has a kind: RUN, CHECK or REPOSTING");
        }
        periods = List.copyOf(periods);
    }
}
