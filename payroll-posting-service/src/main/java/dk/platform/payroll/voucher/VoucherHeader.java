package dk.platform.payroll.voucher;

import dk.platform.ledger.api.InputRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the HTML voucher says about where it comes from: the run, the employer, the run's pay
 * periods, the disposition date, the voucher number and kind ({@link #RUN}, {@link #CHECK} for a
 * posting check, {@link #REPOSTING} for a re-run of posting, SPEC §4.4), the setup revision the
 * voucher was generated from and when.
 */
public record VoucherHeader(String runId, String employerId, String employerName, List<Period> periods,
                            LocalDate dispositionDate, int voucherNo, String kind, long setupRevision,
                            Instant generatedAt) {

    public static final String RUN = "RUN";
    public static final String CHECK = "CHECK";
    public static final String REPOSTING = "REPOSTING";
    private static final Set<String> KINDS = Set.of(RUN, CHECK, REPOSTING);

    /** A pay period of the run, both days included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    public VoucherHeader {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("voucher kind " + InputRules.quote(kind) + " is not RUN, CHECK or REPOSTING");
        }
        periods = List.copyOf(periods);
    }
}
