package dk.platform.payroll.run;

import dk.platform.ledger.api.InputRules;
import dk.platform.payroll.debt.DebtPlan;
import dk.platform.payroll.voucher.VoucherHeader;
import dk.platform.support.ProblemHandler;
import dk.platform.support.input.InputJson;
import dk.platform.support.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Payroll runs: receive (JSON or CSV), follow, download vouchers and spec, approve, check, re-post. */
@RestController
@RequestMapping("/api/payroll-runs")
class RunController {

    private static final Map<String, String> FILES = Map.of(
            "voucher.csv", "text/csv;charset=UTF-8",
            "voucher.html", "text/html;charset=UTF-8",
            "spec.csv", "text/csv;charset=UTF-8");
    private static final long GENERATION_WAIT_SECONDS = 600;

    private final RunIntake intake;
    private final RunStore runs;
    private final FileStore files;
    private final Approvals approvals;
    private final InputJson input;

    RunController(RunIntake intake, RunStore runs, FileStore files, Approvals approvals, InputJson input) {
        this.intake = intake;
        this.runs = runs;
        this.files = files;
        this.approvals = approvals;
        this.input = input;
    }

    record ApprovalRequest(LocalDate postingDate) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RunView> receiveJson(HttpServletRequest request)
            throws IOException {
        return received(intake.receiveJson(request.getInputStream(), Caller.currentOr("anonymous")));
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<RunView> receiveCsv(HttpServletRequest request, @RequestParam String runId,
                                       @RequestParam String employerId, @RequestParam String dispositionDate,
                                       @RequestParam List<String> periods)
            throws IOException {
        RunIntake.RunHeader header = new RunIntake.RunHeader(runId, employerId, periods.stream().map(this::period)
                .toList(), date(dispositionDate, "dispositionDate"));
        return received(intake.receiveCsv(request.getInputStream(), header, Caller.currentOr("anonymous")));
    }

    @GetMapping("/{runId}")
    RunView run(@PathVariable String runId) {
        return RunView.of(require(runId));
    }

    @GetMapping("/{runId}/vouchers")
    List<PayrollRun.VoucherRecord> vouchers(@PathVariable String runId) {
        return require(runId).vouchers();
    }

    @GetMapping("/{runId}/{file:voucher\\.csv|voucher\\.html|spec\\.csv}")
    void currentFile(@PathVariable String runId, @PathVariable String file, HttpServletResponse response) throws IOException {
        PayrollRun.VoucherRecord voucher = require(runId).currentVoucher();
        if (voucher == null) {
            throw new RunProblem(409, "payroll run " + runId + " has no voucher yet; see its status and progress");
        }
        stream(runId, voucher.voucherNo(), file, response);
    }

    @GetMapping("/{runId}/vouchers/{voucherNo}/{file:voucher\\.csv|voucher\\.html|spec\\.csv}")
    void file(@PathVariable String runId, @PathVariable int voucherNo, @PathVariable String file,
              HttpServletResponse response) throws IOException {
        if (require(runId).voucher(voucherNo) == null) {
            throw new RunProblem(404, "payroll run " + runId + " has no voucher " + voucherNo);
        }
        stream(runId, voucherNo, file, response);
    }

    /** The warnings of the run's current voucher (RB7050, RB7061, ...) and the debt steps approval sends. */
    record Warnings(String runId, int voucherNo, List<DebtPlan.Warning> warnings, List<DebtPlan.Step> debtSteps) {
    }

    @GetMapping("/{runId}/warnings")
    Warnings warnings(@PathVariable String runId) {
        PayrollRun.VoucherRecord voucher = require(runId).currentVoucher();
        if (voucher == null) {
            throw new RunProblem(409, "payroll run " + runId + " has no voucher yet; see its status and progress");
        }
        return new Warnings(runId, voucher.voucherNo(), voucher.debts().warnings(), voucher.debts().steps());
    }

    @PostMapping("/{runId}/approval")
    ResponseEntity<RunView> approve(@PathVariable String runId, @RequestBody(required = false) ApprovalRequest body) {
        PayrollRun run = approvals.approve(runId, body == null ? null : body.postingDate(), Caller.current().orElse(null));
        return settled(runId, run, r -> r.status() != PayrollRun.Status.APPROVAL_PENDING);
    }

    @PostMapping("/{runId}/posting-check")
    ResponseEntity<Object> postingCheck(@PathVariable String runId) {
        PayrollRun.VoucherRecord voucher = approvals.check(runId, GENERATION_WAIT_SECONDS);
        return voucher == null ? ResponseEntity.accepted().body(RunView.of(require(runId))) : ResponseEntity.ok(voucher);
    }

    @PostMapping("/{runId}/reposting")
    ResponseEntity<RunView> repost(@PathVariable String runId) {
        PayrollRun run = approvals.repost(runId, GENERATION_WAIT_SECONDS, Caller.current().orElse(null));
        return settled(runId, run, r -> r.status() != PayrollRun.Status.REPOSTING);
    }

    @ExceptionHandler(RunProblem.class)
    ResponseEntity<Object> problem(RunProblem e) {
        ResponseEntity<Object> response = ProblemHandler.problem(HttpStatus.valueOf(e.status()),
                e.status() == 422 ? "Refused by a payroll rule" : HttpStatus.valueOf(e.status()).getReasonPhrase(),
                e.getMessage());
        if (!e.errors().isEmpty() && response.getBody() instanceof ProblemDetail detail) {
            detail.setProperty(e.status() == 422 ? "causes" : "errors", e.errors());
        }
        return response;
    }

    @ExceptionHandler(RunStore.RunNotFound.class)
    ResponseEntity<Object> notFound(RunStore.RunNotFound e) {
        return ProblemHandler.problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    private ResponseEntity<RunView> received(RunIntake.Received received) {
        RunView view = RunView.of(received.run());
        return received.created()
                ? ResponseEntity.accepted().location(URI.create("/api/payroll-runs/" + view.runId())).body(view)
                : ResponseEntity.ok(view);
    }

    /** Waits a few seconds for the ledger's answer, so a caller usually sees the outcome at once; 202 if not yet. */
    private ResponseEntity<RunView> settled(String runId, PayrollRun run, Predicate<PayrollRun> settled) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!settled.test(run) && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            run = require(runId);
        }
        return settled.test(run) ? ResponseEntity.ok(RunView.of(run)) : ResponseEntity.accepted().body(RunView.of(run));
    }

    private void stream(String runId, int voucherNo, String file, HttpServletResponse response) throws IOException {
        String name = "runs/" + runId + "/v" + voucherNo + "/" + file;
        if (!files.exists(name)) {
            throw new RunProblem(404, "payroll run " + runId + " has no " + file + " for voucher " + voucherNo);
        }
        response.setContentType(FILES.get(file));
        response.setHeader("Content-Disposition", (file.endsWith(".html") ? "inline" : "attachment")
                + "; filename=\"" + runId + "-v" + voucherNo + "-" + file + "\"");
        try (InputStream in = files.open(name); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private PayrollRun require(String runId) {
        return runs.find(runId).orElseThrow(() -> new RunProblem(404, "no payroll run " + InputRules.quote(runId)));
    }

    /** A period as from..to, e.g. 2026-10-01..2026-10-31; each date by SPEC §0's rule. */
    private VoucherHeader.Period period(String text) {
        String[] parts = text.split("\\.\\.", -1);
        if (parts.length != 2) {
            throw new RunProblem(400, "period " + InputRules.quote(text) + " must be from..to, e.g. 2026-10-01..2026-10-31");
        }
        return new VoucherHeader.Period(date(parts[0].strip(), "period from"), date(parts[1].strip(), "period to"));
    }

    /** A date in a query parameter: yyyy-mm-dd within the dates input may carry (Spring's conversion would take "+12026-10-30"). */
    private LocalDate date(String text, String field) {
        try {
            return input.date(text);
        } catch (IllegalArgumentException e) {
            throw new RunProblem(400, field + " " + e.getMessage());
        }
    }
}
