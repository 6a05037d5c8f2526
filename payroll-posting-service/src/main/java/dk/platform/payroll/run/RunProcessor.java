package dk.platform.payroll.run;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.Money;
import dk.platform.payroll.chart.Chart;
import dk.platform.payroll.chart.Charts;
import dk.platform.payroll.debt.DebtPlan;
import dk.platform.payroll.debt.DebtPlanner;
import dk.platform.payroll.debt.DebtRecords;
import dk.platform.payroll.employer.ChartInForce;
import dk.platform.payroll.employer.Employee;
import dk.platform.payroll.employer.Employer;
import dk.platform.payroll.employer.Employers;
import dk.platform.payroll.employer.SortingCode;
import dk.platform.payroll.posting.PostingEngine;
import dk.platform.payroll.posting.PostingSetup;
import dk.platform.payroll.posting.RunLine;
import dk.platform.payroll.posting.SpecRow;
import dk.platform.payroll.posting.Voucher;
import dk.platform.payroll.setup.SetupStore;
import dk.platform.payroll.voucher.SpecCsv;
import dk.platform.payroll.voucher.VoucherCsv;
import dk.platform.payroll.voucher.VoucherHeader;
import dk.platform.payroll.voucher.VoucherHtml;
import dk.platform.payroll.voucher.VoucherKind;
import dk.platform.payroll.wagetype.WageTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Generates vouchers, one at a time on its own thread: reads the run's input file as a stream,
 * posts each line through the {@link PostingEngine} with the setup as it is now, writes the spec
 * as it goes and the voucher (CSV and HTML) at the end, and appends the voucher to the run's
 * history. Progress (lines done, rate) is logged and kept on the run every second. Runs left
 * half-calculated by a restart are calculated again at start-up (a generation has no effect
 * until its voucher is appended).
 */
@Component
public class RunProcessor {

    private static final Logger log = LoggerFactory.getLogger(RunProcessor.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final RunStore runs;
    private final FileStore files;
    private final SetupStore setup;
    private final Charts charts;
    private final Employers employers;
    private final WageTypes wageTypes;
    private final DebtRecords debts;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "payroll-vouchers");
        thread.setDaemon(true);
        return thread;
    });

    public RunProcessor(RunStore runs, FileStore files, SetupStore setup, Charts charts, Employers employers, WageTypes wageTypes,
                        DebtRecords debts) {
        this.runs = runs;
        this.files = files;
        this.setup = setup;
        this.charts = charts;
        this.employers = employers;
        this.wageTypes = wageTypes;
        this.debts = debts;
    }

    /** Queues a voucher generation of the given kind; completes with its voucher record. */
    public CompletableFuture<PayrollRun.VoucherRecord> submit(String runId, VoucherKind kind) {
        return CompletableFuture.supplyAsync(() -> generate(runId, kind), worker);
    }

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        for (PayrollRun run : runs.inStatus(PayrollRun.Status.CALCULATING)) {
            log.info("payroll run {}: calculating again after a restart", run.runId());
            submit(run.runId(), VoucherKind.RUN);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    PayrollRun.VoucherRecord generate(String runId, VoucherKind kind) {
        try {
            return tryGenerate(runId, kind);
        } catch (RunProblem e) {
            failed(runId, kind, e.getMessage());
            throw e;
        } catch (IOException | RuntimeException e) {
            log.error("payroll run {}: voucher generation failed", runId, e);
            failed(runId, kind, "voucher generation failed: " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    private void failed(String runId, VoucherKind kind, String reason) {
        if (kind == VoucherKind.RUN) {
            runs.update(runId, r -> r.with(PayrollRun.Status.FAILED, reason));
        }
    }

    private PayrollRun.VoucherRecord tryGenerate(String runId, VoucherKind kind) throws IOException {
        PayrollRun run = runs.find(runId).orElseThrow(() -> new RunStore.RunNotFound(runId));
        Instant started = clock.instant();
        progress(run, kind, 0, started, started); // the setup and the employees are read first
        long revision = setup.revision();
        Map<String, Employee> employees = employers.employeesOf(run.employerId());
        PostingSetup postingSetup = setupFor(run, employees, revision);
        int voucherNo = run.nextVoucherNo();
        String prefix = "runs/" + runId + "/v" + voucherNo + "/";
        Voucher voucher;
        DebtPlan debtPlan;
        try (Writer specOut = writer(prefix + "spec.csv");
             BufferedReader in = new BufferedReader(new InputStreamReader(files.open(run.inputFile()), StandardCharsets.UTF_8))) {
            SpecCsv spec = new SpecCsv(specOut, postingSetup.sortingCode().fields());
            PostingEngine engine = new PostingEngine(postingSetup, employees::get, spec);
            Set<String> employeesInRun = new HashSet<>();
            Map<String, Money> offsets = new HashMap<>();
            long done = 0;
            Instant reported = started;
            String text;
            while ((text = in.readLine()) != null) {
                RunLine line = RunLineCodec.decode(text);
                employeesInRun.add(line.employeeNo());
                if (DebtPlanner.OFFSET_WAGE_TYPE.equals(line.wageType())) {
                    offsets.merge(line.employeeNo(), line.amount(), Money::plus);
                    spec.accept(new SpecRow(line.employeeNo(), line.wageType(), line.amount(), null, null, null,
                            line.amount(), null, null, null, null, null, "8561: offset of an employee debt, sent to the"
                            + " ledger on approval"));
                } else {
                    engine.post(line);
                }
                done++;
                Instant now = clock.instant();
                if (Duration.between(reported, now).compareTo(PROGRESS_EVERY) >= 0) {
                    reported = now;
                    progress(run, kind, done, started, now);
                }
            }
            voucher = engine.finish();
            debtPlan = DebtPlanner.plan(runId, run.employerId(), employeesInRun, voucher.negativeNetPay(), engine::netPay, engine::netPayAccount,
                    offsets,
                    debts.outstandingByEmployee());
            spec.flush();
            progress(run, kind, done, started, clock.instant());
        }
        VoucherHeader header = new VoucherHeader(runId, run.employerId(), postingSetup.employer().name(), run.periods(),
                run.dispositionDate(), voucherNo, kind, revision, clock.instant());
        try (Writer csv = writer(prefix + "voucher.csv")) {
            VoucherCsv.write(voucher, csv);
        }
        try (Writer html = writer(prefix + "voucher.html")) {
            VoucherHtml.write(voucher, header, html);
        }
        PayrollRun.VoucherRecord record = new PayrollRun.VoucherRecord(voucherNo, kind, header.generatedAt(), revision,
                voucher.sortingCode(), voucher.charts(), voucher.lines().size(), voucher.voucherTotals(),
                voucher.spreadsheetTotals(), voucher.centralTotals(), voucher.difference(), voucher.causes(),
                voucher.postable(), voucher.centralPostings(), voucher.negativeNetPay(), debtPlan, voucher.runLines(),
                voucher.employees());
        runs.update(runId, r -> {
            PayrollRun withVoucher = r.withVoucher(record);
            return kind == VoucherKind.RUN ? withVoucher.with(PayrollRun.Status.CALCULATED, null) : withVoucher;
        });
        log.info("payroll run {}: voucher {} ({}) generated: {} lines of {} employees, {} voucher lines, difference {}{}",
                runId, voucherNo, kind, voucher.runLines(), voucher.employees(), voucher.lines().size(),
                voucher.difference(), voucher.postable() ? "" : ", not postable: " + voucher.causes().size() + " cause(s)");
        return record;
    }

    /** The setup as it is now, for the run's reference date: its employer, sorting code and every chart it needs. */
    PostingSetup setupFor(PayrollRun run, Map<String, Employee> employees, long revision) {
        LocalDate date = run.referenceDate();
        Employer employer = employers.employer(run.employerId())
                .orElseThrow(() -> new RunProblem(422, "employer " + InputRules.quote(run.employerId()) + " is not registered"));
        Chart chart = chartInForce(employer, date);
        SortingCode sortingCode = employers.sortingCode(employer.sortingCode())
                .orElseThrow(() -> new RunProblem(422, "sorting code " + employer.sortingCode() + " does not exist"));
        Map<String, Chart> used = new HashMap<>();
        used.put(chart.code(), chart);
        for (String deviating : ChartInForce.deviatingCharts(employees.values(), date)) {
            if (!used.containsKey(deviating)) {
                charts.chart(deviating).ifPresent(c -> used.put(c.code(), c));
            }
        }
        return new PostingSetup(employer, sortingCode, used, wageTypes.wageTypeTexts(), date, revision);
    }

    /** The employer's chart in force for a run (SPEC §4.1, {@link ChartInForce}); 422 if there is none. */
    Chart chartInForce(Employer employer, LocalDate referenceDate) {
        try {
            return ChartInForce.ofEmployer(employer, referenceDate, charts::chart);
        } catch (ChartInForce.NotInForce e) {
            throw new RunProblem(422, e.getMessage());
        }
    }

    private void progress(PayrollRun run, VoucherKind kind, long done, Instant started, Instant now) {
        double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
        double rate = Math.round(done / seconds);
        log.info("payroll run {}: {} {}/{} lines ({} lines/s)", run.runId(), kind, done, run.lineCount(), (long) rate);
        runs.update(run.runId(), r -> r.with(new PayrollRun.Progress(kind, done, run.lineCount(), started, now, rate)));
    }

    private Writer writer(String name) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(files.create(name), StandardCharsets.UTF_8), 64 * 1024);
    }
}
