package dk.platform.payroll.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.Money;
import dk.platform.payroll.chart.Chart;
import dk.platform.payroll.employer.ChartInForce;
import dk.platform.payroll.employer.Employer;
import dk.platform.payroll.employer.Employers;
import dk.platform.payroll.posting.RunLine;
import dk.platform.payroll.voucher.VoucherHeader;
import dk.platform.payroll.voucher.VoucherKind;
import dk.platform.payroll.wagetype.WageTypes;
import dk.platform.support.JsonErrors;
import dk.platform.support.input.InputJson;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Receives a payroll run, as JSON or CSV, as a stream: every line is checked (employee known,
 * wage type in the catalogue, amount with at most two decimals, input posting values) and
 * written to the run's input file as it is read, so a run of 2 000 000 lines never sits in
 * memory. A file with bad lines is refused whole, listing the first {@value #MAX_ERRORS} with
 * their line numbers; nothing is kept. The same run id with the same content is answered with
 * the stored run; with other content it is a 409.
 */
@Component
public class RunIntake {

    static final int MAX_ERRORS = 100;
    static final long MAX_LINES = 5_000_000;
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,60}");
    private static final Pattern EMPLOYEE_NO = Pattern.compile("[A-Za-z0-9]{1,10}");
    private static final Pattern WAGE_TYPE = Pattern.compile("\\d{4}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._-]{1,20}");
    private static final Pattern VALUE = Pattern.compile("[^\\p{Cc};]{1,10}"); // no control character (issue 15)
    static final List<String> CSV_COLUMNS = List.of("employeeNo", "wageType", "amount", "department", "payoutPlace",
            "account", "optional1", "optional2", "optional3", "optional4", "optional5", "optional6", "inputValue");

    /** The run's header: everything but its lines. */
    public record RunHeader(String runId, String employerId, List<VoucherHeader.Period> periods, LocalDate dispositionDate) {
    }

    /** A received run, and whether this request created it. */
    public record Received(PayrollRun run, boolean created) {
    }

    private final Employers employers;
    private final WageTypes wageTypes;
    private final RunStore runs;
    private final FileStore files;
    private final ObjectMapper json;
    private final RunProcessor processor;
    private final InputJson input;
    private final Clock clock = Clock.systemUTC();

    public RunIntake(Employers employers, WageTypes wageTypes, RunStore runs, FileStore files, InputJson input,
                     RunProcessor processor) {
        this.employers = employers;
        this.wageTypes = wageTypes;
        this.runs = runs;
        this.files = files;
        // the run is read as a stream, value by value: trailing content is checked once, at the end of the stream
        this.json = input.mapper().copy().disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.processor = processor;
        this.input = input;
    }

    public Received receiveJson(InputStream body, String user) throws IOException {
        String runId = null;
        String employerId = null;
        List<VoucherHeader.Period> periods = null;
        LocalDate dispositionDate = null;
        Upload upload = null;
        try (JsonParser p = json.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new RunProblem(400, "a payroll run is a JSON object {runId, employerId, periods, dispositionDate, lines}");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "runId" -> runId = text(p, field);
                    case "employerId" -> employerId = text(p, field);
                    case "dispositionDate" -> dispositionDate = date(text(p, field), field);
                    case "periods" -> {
                        VoucherHeader.Period[] read = json.readValue(p, VoucherHeader.Period[].class);
                        periods = read == null ? null : Arrays.asList(read); // null: "periods are missing", below
                    }
                    case "lines" -> {
                        if (upload != null) {
                            throw new RunProblem(400, "'lines' is given twice");
                        }
                        upload = start(new RunHeader(runId, employerId, periods, dispositionDate), user);
                        if (p.currentToken() != JsonToken.START_ARRAY) {
                            throw new RunProblem(400, "'lines' must be an array");
                        }
                        int index = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            JsonNode node = p.readValueAsTree();
                            String at = "lines[" + index++ + "]";
                            try {
                                upload.line(at, json.treeToValue(node, RunLine.class));
                            } catch (JsonProcessingException e) {
                                upload.error(at, JsonErrors.describe(e));
                            } catch (IllegalArgumentException e) {
                                upload.error(at, e.getMessage());
                            }
                        }
                    }
                    default -> throw new RunProblem(400, "unknown field " + InputRules.quote(field) + "; a run has runId, employerId, periods,"
                            + " dispositionDate and lines (last)");
                }
            }
            if (upload == null) {
                throw new RunProblem(400, "the run has no 'lines'");
            }
            if (p.nextToken() != null) {
                throw new RunProblem(400, "the run is not readable JSON: there is content after the end of the JSON document");
            }
            return upload.finish();
        } catch (JsonProcessingException e) {
            throw new RunProblem(400, "the run is not readable JSON: " + JsonErrors.describe(e));
        } finally {
            if (upload != null) {
                upload.discardUnlessKept();
            }
        }
    }

    /** A run as CSV: the header from the request's parameters, one line per row under a header row. */
    public Received receiveCsv(InputStream body, RunHeader header, String user) throws IOException {
        Upload upload = start(header, user);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            if (first == null) {
                throw new RunProblem(400, "the CSV file is empty; its first row names the columns: "
                        + String.join(";", CSV_COLUMNS));
            }
            List<String> columns;
            try {
                columns = Csv.split(first.startsWith("\uFEFF") ? first.substring(1) : first);
            } catch (IllegalArgumentException e) {
                throw new RunProblem(400, "line 1: " + e.getMessage());
            }
            for (String column : columns) {
                if (!CSV_COLUMNS.contains(spacesStripped(column))) {
                    throw new RunProblem(400, "line 1: unknown column " + InputRules.quote(column) + "; columns are "
                            + String.join(";", CSV_COLUMNS) + " (employeeNo, wageType and amount required)");
                }
            }
            if (!columns.containsAll(List.of("employeeNo", "wageType", "amount"))) {
                throw new RunProblem(400, "line 1: the columns employeeNo, wageType and amount are required");
            }
            String row;
            int lineNo = 1;
            while ((row = reader.readLine()) != null) {
                lineNo++;
                if (spacesStripped(row).isEmpty()) {
                    continue;
                }
                String at = "line " + lineNo;
                List<String> cells;
                try {
                    cells = Csv.split(row);
                } catch (IllegalArgumentException e) {
                    upload.error(at, e.getMessage());
                    continue;
                }
                if (cells.size() != columns.size()) {
                    upload.error(at, "has " + cells.size() + " cells, the header " + columns.size());
                    continue;
                }
                String[] v = new String[CSV_COLUMNS.size()];
                for (int i = 0; i < columns.size(); i++) {
                    String cell = spacesStripped(cells.get(i));
                    v[CSV_COLUMNS.indexOf(spacesStripped(columns.get(i)))] = cell.isEmpty() ? null : cell;
                }
                Money amount;
                try {
                    amount = Money.of(v[2] == null ? null : v[2].replace(',', '.'));
                } catch (IllegalArgumentException e) {
                    upload.error(at, "amount " + InputRules.quote(v[2]) + " is not an amount: write it with at most 2 decimals, such as"
                            + " 1234,50");
                    continue;
                }
                RunLine.Overrides overrides = new RunLine.Overrides(v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
                upload.line(at, new RunLine(v[0], v[1], amount, overrides.isEmpty() ? RunLine.Overrides.NONE : overrides));
            }
            return upload.finish();
        } finally {
            upload.discardUnlessKept();
        }
    }

    private Upload start(RunHeader header, String user) throws IOException {
        List<String> problems = new ArrayList<>();
        if (header.runId() == null || !RUN_ID.matcher(header.runId()).matches() || !InputRules.isId(header.runId())) {
            problems.add("runId " + InputRules.quote(header.runId()) + " must be 1 to 60 of A-Z a-z 0-9 . _ -, not only dots");
        }
        if (header.employerId() == null) {
            problems.add("employerId is missing");
        }
        if (header.periods() == null || header.periods().isEmpty()) {
            problems.add("periods are missing: at least one {from, to}");
        } else {
            for (VoucherHeader.Period period : header.periods()) {
                if (period == null || period.from() == null || period.to() == null || period.to().isBefore(period.from())) {
                    problems.add("every period needs a from and a to on or after it");
                    break;
                }
            }
        }
        if (header.dispositionDate() == null) {
            problems.add("dispositionDate is missing");
        }
        if (!problems.isEmpty()) {
            throw new RunProblem(400, String.join("; ", problems) + " (in JSON, 'lines' comes last)");
        }
        Employer employer = employers.employer(header.employerId())
                .orElseThrow(() -> new RunProblem(422, "employer " + InputRules.quote(header.employerId()) + " is not registered"));
        LocalDate referenceDate = ChartInForce.referenceDate(header.periods().stream().map(VoucherHeader.Period::to).toList());
        Chart chart = processor.chartInForce(employer, referenceDate);
        if (employers.sortingCode(employer.sortingCode()).isEmpty()) {
            throw new RunProblem(422, "employer " + employer.employerId() + "'s sorting code " + employer.sortingCode()
                    + " does not exist");
        }
        return new Upload(header, referenceDate, chart, employers.employeesOf(header.employerId()).keySet(),
                wageTypes.wageTypeCodes(), user);
    }

    /**
     * A CSV cell without the spaces and tabs around it. Not String.trim: it drops control characters
     * too, so "1001\u0000" would be employee 1001 (issue 15); a control character stays and is refused.
     */
    static String spacesStripped(String cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && (cell.charAt(start) == ' ' || cell.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (cell.charAt(end - 1) == ' ' || cell.charAt(end - 1) == '\t')) {
            end--;
        }
        return cell.substring(start, end);
    }

    private static String text(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new RunProblem(400, InputRules.quote(field) + " must be a string");
        }
        return p.getText();
    }

    /** SPEC §0's date rule, as for every other date in input (LocalDate.parse would take "+12026-10-30" or year 0). */
    private LocalDate date(String text, String field) {
        try {
            return input.date(text);
        } catch (IllegalArgumentException e) {
            throw new RunProblem(400, InputRules.quote(field) + ": " + e.getMessage());
        }
    }

    /** One upload in progress: lines checked and written as they come, the content hashed. */
    private final class Upload {
        private final RunHeader header;
        private final LocalDate referenceDate;
        private final Set<String> employees;
        private final Set<String> wageTypes;
        private final String user;
        private final String file;
        private final Writer out;
        private final MessageDigest digest;
        private final List<RunProblem.LineError> errors = new ArrayList<>();
        private final Set<String> seenEmployees = new java.util.HashSet<>();
        private long lines;
        private boolean kept;

        Upload(RunHeader header, LocalDate referenceDate, Chart chart, Set<String> employees, Set<String> wageTypes,
               String user) throws IOException {
            this.header = header;
            this.referenceDate = referenceDate;
            this.employees = employees;
            this.wageTypes = wageTypes;
            this.user = user;
            this.file = "runs/" + header.runId() + "/input-" + UUID.randomUUID();
            this.out = new OutputStreamWriter(files.create(file), StandardCharsets.UTF_8);
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            digest.update((header.employerId() + "|" + header.periods() + "|" + header.dispositionDate() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        void line(String at, RunLine line) throws IOException {
            List<String> problems = check(line);
            if (!problems.isEmpty()) {
                error(at, String.join("; ", problems));
                return;
            }
            if (++lines > MAX_LINES) {
                throw new RunProblem(400, "a run has at most " + MAX_LINES + " lines");
            }
            seenEmployees.add(line.employeeNo());
            if (errors.isEmpty()) {
                String encoded = RunLineCodec.encode(line);
                out.write(encoded);
                out.write('\n');
                digest.update((encoded + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }

        void error(String at, String message) {
            errors.add(new RunProblem.LineError(at, message));
            if (errors.size() >= MAX_ERRORS) {
                throw refused();
            }
        }

        private RunProblem refused() {
            return new RunProblem(400, "the run has bad lines (" + (errors.size() >= MAX_ERRORS ? "the first " : "")
                    + errors.size() + "); nothing was stored", errors);
        }

        private List<String> check(RunLine line) {
            List<String> problems = new ArrayList<>();
            if (line.employeeNo() == null || !EMPLOYEE_NO.matcher(line.employeeNo()).matches()) {
                problems.add("employeeNo " + InputRules.quote(line.employeeNo()) + " must be 1 to 10 letters or digits");
            } else if (!employees.contains(line.employeeNo())) {
                problems.add("employee " + line.employeeNo() + " is not registered with employer " + header.employerId());
            }
            if (line.wageType() == null || !WAGE_TYPE.matcher(line.wageType()).matches()) {
                problems.add("wageType " + InputRules.quote(line.wageType()) + " must be 4 digits");
            } else if (!wageTypes.contains(line.wageType())) {
                problems.add("wage type " + line.wageType() + " is not in the wage-type catalogue");
            }
            if (line.amount() == null) {
                problems.add("amount is missing");
            }
            RunLine.Overrides o = line.overrides();
            if (o.account() != null && !(ACCOUNT.matcher(o.account()).matches() && InputRules.isAccount(o.account()))) {
                problems.add("account " + InputRules.quote(o.account()) + " must be 1 to 20 of A-Z a-z 0-9 . _, in segments joined by -");
            }
            Map<String, String> values = new java.util.LinkedHashMap<>();
            values.put("department", o.department());
            values.put("payoutPlace", o.payoutPlace());
            for (int i = 0; i < 6; i++) {
                values.put("optional" + (i + 1), o.optional(i));
            }
            values.put("inputValue", o.inputValue());
            values.forEach((name, value) -> {
                if (value != null && !VALUE.matcher(value).matches()) {
                    problems.add(name + " " + InputRules.quote(value) + " must be 1 to 10 characters without ; tabs or line breaks");
                }
            });
            return problems;
        }

        Received finish() throws IOException {
            if (!errors.isEmpty()) {
                throw refused();
            }
            if (lines == 0) {
                throw new RunProblem(400, "the run has no lines");
            }
            out.close();
            String hash = HexFormat.of().formatHex(digest.digest());
            PayrollRun run = new PayrollRun(header.runId(), header.employerId(), header.periods(), header.dispositionDate(),
                    referenceDate, file, hash, lines, clock.instant(), user, PayrollRun.Status.CALCULATING, null,
                    null, List.of(), List.of());
            if (runs.insert(run)) {
                kept = true;
                processor.submit(run.runId(), VoucherKind.RUN);
                return new Received(run, true);
            }
            PayrollRun existing = runs.find(header.runId()).orElseThrow();
            if (!existing.inputHash().equals(hash)) {
                throw new RunProblem(409, "payroll run " + header.runId() + " was received before with other content");
            }
            return new Received(existing, false);
        }

        void discardUnlessKept() {
            if (!kept) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the file is deleted anyway
                }
                files.delete(file);
            }
        }
    }
}
