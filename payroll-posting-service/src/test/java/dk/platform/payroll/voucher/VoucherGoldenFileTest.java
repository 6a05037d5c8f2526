package dk.platform.payroll.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import dk.platform.ledger.api.Money;
import dk.platform.payroll.chart.Chart;
import dk.platform.payroll.chart.ChartLine;
import dk.platform.payroll.chart.Side;
import dk.platform.payroll.chart.Usage;
import dk.platform.payroll.employer.Employee;
import dk.platform.payroll.employer.Employer;
import dk.platform.payroll.employer.Employment;
import dk.platform.payroll.employer.SortingCode;
import dk.platform.payroll.posting.PostingEngine;
import dk.platform.payroll.posting.PostingSetup;
import dk.platform.payroll.posting.RunLine;
import dk.platform.payroll.posting.Voucher;
import dk.platform.payroll.setup.Field;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The three outputs of a small, hand-checked payroll run, compared byte for byte with the files
 * in {@code src/test/resources/golden/}. A golden file is a claim that its numbers are right:
 * after a deliberate change of an output, regenerate them with
 * <pre>
 * mvn -o -pl payroll-posting-service -am test -Dtest='dk.platform.payroll.voucher.VoucherGoldenFileTest' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
 * </pre>
 * and read the diff before committing it.
 * <p>
 * The run (chart A1, sorting code department, optional1, account, page break on): five
 * employees in departments 1010 and 2020; monthly pay 1100 posted per department and project
 * (optional1), 2020 to its own account by group posting; taxes 80**, net pay 9991 and the
 * provision's credit side (5100 seq 2) as totals; hours 7100 on the voucher only (constant
 * department 9999, so a total too), employer ATP 7200 to the ledger only.
 */
class VoucherGoldenFileTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);

    static final Chart CHART = new Chart("A1", "Eksempel Kommune", FROM, Field.DEPARTMENT, false, List.of(
            line("*", "1100", 1, Side.D, "1100", "", ChartLine.ANS, ChartLine.ANS, Usage.VOUCHER_AND_CENTRAL),
            line("20**", "1100", 1, Side.D, "1120", "", ChartLine.ANS, ChartLine.ANS, Usage.VOUCHER_AND_CENTRAL),
            line("*", "80**", 1, Side.K, "6100", "", null, null, Usage.VOUCHER_AND_CENTRAL),
            line("*", "9991", 1, Side.K, "6000", "", null, null, Usage.VOUCHER_AND_CENTRAL),
            line("*", "5100", 1, Side.D, "2100", "", ChartLine.ANS, null, Usage.VOUCHER_AND_CENTRAL),
            line("*", "5100", 2, Side.K, "6200", "Skyldige feriepenge", null, null, Usage.VOUCHER_AND_CENTRAL),
            line("*", "7100", 1, Side.D, "9100", "", "9999", null, Usage.VOUCHER),
            line("*", "7100", 2, Side.K, "9101", "", "9999", null, Usage.VOUCHER),
            line("*", "7200", 1, Side.D, "1500", "", ChartLine.ANS, null, Usage.CENTRAL),
            line("*", "7200", 2, Side.K, "6500", "", null, null, Usage.CENTRAL)), 3L);
    static final SortingCode SORTING = new SortingCode("S1", "Afdeling, projekt, konto",
            List.of(Field.DEPARTMENT, Field.OPTIONAL1, Field.ACCOUNT), true, 2L);
    static final Employer EMPLOYER = new Employer("E100", "Eksempel Kommune", "S1",
            List.of(new Employer.ChartPeriod(FROM, "A1")), 1L);
    static final Map<String, String> WAGE_TYPES = Map.of("1100", "Månedsløn", "1200", "Funktionstillæg",
            "8001", "A-skat", "8002", "AM-bidrag", "9991", "Nettoløn", "5100", "Feriepengehensættelse",
            "7100", "Timer (statistik)", "7200", "ATP arbejdsgiver");
    static final Map<String, Employee> EMPLOYEES = Stream.of(
            employee("E1001", "1010", "P1"), employee("E1002", "1010", "P2"), employee("E1003", "1010", "P1"),
            employee("E2001", "2020", "P1"), employee("E2002", "2020", "P3"))
            .collect(Collectors.toMap(Employee::employeeNo, Function.identity()));
    /** A run paid partly in arrears (October) and partly in advance (November): the chart of 31.10 decides. */
    static final VoucherHeader HEADER = new VoucherHeader("R-2024-11", "E100", "Eksempel Kommune",
            List.of(new VoucherHeader.Period(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 31)),
                    new VoucherHeader.Period(LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 30))),
            LocalDate.of(2024, 11, 28), 42, VoucherKind.RUN, 7L, Instant.parse("2024-11-27T06:30:00Z"));

    @Test
    void aBalancedRunGivesTheGoldenVoucherCsvHtmlAndSpec() throws IOException {
        Outputs outputs = run(
                pay("E1001", "1100", "30000.00"), pay("E1001", "8001", "9000.00"), pay("E1001", "9991", "21000.00"),
                pay("E1001", "5100", "3750.00"),
                pay("E1002", "1100", "25000.50"), pay("E1002", "9991", "25000.50"),
                pay("E1003", "1100", "12345.67"), pay("E1003", "8002", "987.65"), pay("E1003", "9991", "11358.02"),
                pay("E2001", "1100", "40000.00"), pay("E2001", "8001", "12000.00"), pay("E2001", "9991", "28000.00"),
                pay("E2001", "7100", "160.00"), pay("E2001", "7200", "500.00"),
                pay("E2002", "1100", "22000.00"), pay("E2002", "9991", "22000.00"), pay("E2002", "5100", "1000.00"));

        assertThat(outputs.voucher.postable()).isTrue();
        assertThat(outputs.voucher.voucherTotals().debit()).isEqualTo(Money.of("134256.17"));
        assertThat(outputs.voucher.centralTotals().debit()).isEqualTo(Money.of("134596.17"));
        golden("voucher.csv", outputs.csv);
        golden("voucher.html", outputs.html);
        golden("spec.csv", outputs.spec);
    }

    @Test
    void aWageTypeMissingFromTheChartShowsTheDifferenceAndTheEmployeeWhoCausesIt() throws IOException {
        Outputs outputs = run(
                pay("E1002", "1100", "25000.50"), pay("E1002", "1200", "1500.00"), pay("E1002", "9991", "26500.50"),
                pay("E2002", "1100", "22000.00"), pay("E2002", "9991", "22000.00"));

        assertThat(outputs.voucher.difference()).isEqualTo(Money.of("-1500.00"));
        assertThat(outputs.html).contains("<section class=\"difference\" role=\"alert\">\n<h2>Difference (forskel): -1.500,00</h2>",
                "<tr><td>wage type 1200 is not in chart A1 (lønart mangler i kontoplanen) <code>NOT_IN_CHART</code></td><td>1200</td>"
                        + "<td>A1</td><td class=\"num\">1.500,00</td><td>E1002</td>");
        assertThat(outputs.spec).contains("\r\nE1002;1200;1500,00;A1;;;1500,00;;;;;;;NOT IN CHART: makes a difference\r\n");
        golden("difference.html", outputs.html);
        golden("difference-spec.csv", outputs.spec);
    }

    private record Outputs(Voucher voucher, String csv, String html, String spec) {
    }

    private static Outputs run(RunLine... lines) throws IOException {
        StringWriter spec = new StringWriter();
        SpecCsv specCsv = new SpecCsv(spec, SORTING.fields());
        PostingEngine engine = new PostingEngine(new PostingSetup(EMPLOYER, SORTING, Map.of("A1", CHART), WAGE_TYPES,
                LocalDate.of(2024, 10, 31), 7L), EMPLOYEES::get, specCsv);
        for (RunLine line : lines) {
            engine.post(line);
        }
        Voucher voucher = engine.finish();
        specCsv.flush();
        StringWriter csv = new StringWriter();
        VoucherCsv.write(voucher, csv);
        StringWriter html = new StringWriter();
        VoucherHtml.write(voucher, HEADER, html);
        return new Outputs(voucher, csv.toString(), html.toString(), spec.toString());
    }

    private static void golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("golden file %s (write it with -Dgolden.update=true)", file).exists();
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(actual).as("%s differs from its golden file", name).isEqualTo(expected);
        assertThat(actual.getBytes(StandardCharsets.UTF_8)).isEqualTo(Files.readAllBytes(file));
    }

    static RunLine pay(String employeeNo, String wageType, String amount) {
        return new RunLine(employeeNo, wageType, Money.of(amount), null);
    }

    static ChartLine line(String group, String wageType, int seq, Side side, String account, String text,
                          String dept, String optional1, Usage usage) {
        return new ChartLine(group, wageType, seq, side, account, text, dept, null, null, optional1, null, null, null,
                null, null, false, usage);
    }

    static Employee employee(String employeeNo, String department, String project) {
        return new Employee("E100", employeeNo, List.of(new Employment(FROM, department, "U1", "JC", "PG", "M",
                project, null, null, null, null, null, null, false)), List.of(), 1L);
    }
}
