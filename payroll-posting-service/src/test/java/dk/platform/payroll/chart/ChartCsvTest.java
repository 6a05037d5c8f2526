package dk.platform.payroll.chart;

import dk.platform.payroll.setup.Field;
import dk.platform.payroll.setup.SetupError;
import dk.platform.payroll.setup.SetupException;
import dk.platform.payroll.setup.Violations;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartCsvTest {

    static final List<ChartLine> LINES = List.of(
            ChartLine.of("1100", 1, Side.D, "101-66100", "Månedsløn"),
            new ChartLine("10**", "13**", 2, Side.K, "0000000170", "Tekst; med \"citat\"", "ANS", "PX1", "LØNOPL",
                    "ANS", null, "K1", null, null, "ABCDEFGHIJ", true, Usage.CENTRAL),
            new ChartLine("*", "9991", 1, Side.K, "61.50", null, null, null, "A-1", null, null, null, null, null, null,
                    false, Usage.SPREADSHEET));

    @Test
    void linesWrittenAndReadBackAreTheSameLines() {
        String csv = ChartCsv.write(LINES);

        assertThat(csv).startsWith(ChartCsv.HEADER + "\r\n")
                .contains("10**;13**;2;K;0000000170;\"Tekst; med \"\"citat\"\"\";ANS;PX1;LØNOPL;ANS;;K1;;;ABCDEFGHIJ;yes;CENTRAL")
                .contains("*;9991;1;K;61.50;;;;A-1;;;;;;;no;SPREADSHEET");
        assertThat(readValid(csv.getBytes(StandardCharsets.UTF_8))).isEqualTo(LINES);
    }

    @Test
    void aLeadingBomLfLineEndsBlankLinesAndDefaultsAreAccepted() {
        String csv = "\uFEFF" + ChartCsv.HEADER + "\n"
                + ";1100;1;d;5000;;;;;;;;;;;;\n"
                + "\n"
                + ";;;;;;;;;;;;;;;;\n";
        assertThat(readValid(csv.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(new ChartLine("*", "1100", 1, Side.D, "5000", null, null, null, null, null, null, null, null,
                        null, null, false, Usage.VOUCHER_AND_CENTRAL));
    }

    @Test
    void everyBadLineIsReportedWithItsPhysicalLineNumberAndField() {
        String csv = ChartCsv.HEADER + "\r\n"
                + "*;1100;1;D;5000;\"a text over\ntwo lines\";;;;;;;;;;no;\r\n" // lines 2-3: a quoted line break
                + "*;11X0;0;D;5000;;;;;;;;;;;no;\r\n"                           // line 4
                + "*;1200;1;D;5000;;;;;;;;;;;maybe;\r\n"                        // line 5
                + "*;1300;1;D;5000\r\n";                                        // line 6
        Violations v = new Violations();
        ChartCsv.Parsed parsed = ChartCsv.read(csv.getBytes(StandardCharsets.UTF_8), v);
        ChartRules.lines(parsed.lines(), parsed.where(), null, v);

        assertThat(v.list()).extracting(SetupError::line, SetupError::field).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(6, null),
                org.assertj.core.groups.Tuple.tuple(2, "text"),
                org.assertj.core.groups.Tuple.tuple(4, "wageType"),
                org.assertj.core.groups.Tuple.tuple(4, "seq"),
                org.assertj.core.groups.Tuple.tuple(5, "employeeNo"));
        assertThat(v.list()).filteredOn(e -> Integer.valueOf(6).equals(e.line())).singleElement()
                .extracting(SetupError::message).asString().contains("expected 17 cells", "found 5");
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedAtLine1() {
        Violations v = new Violations();
        ChartCsv.read("*;1100;1;D;5000;;;;;;;;;;;no;\n".getBytes(StandardCharsets.UTF_8), v);
        assertThat(v.list()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).contains("header", ChartCsv.HEADER);
        });
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheLine() {
        byte[] latin1 = (ChartCsv.HEADER + "\n*;1100;1;D;5000;Månedsløn;;;;;;;;;;no;\n").getBytes(StandardCharsets.ISO_8859_1);
        Violations v = new Violations();
        ChartCsv.read(latin1, v);
        assertThat(v.list()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).contains("not UTF-8");
        });
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineItOpens() {
        Violations v = new Violations();
        ChartCsv.rows("a;b\n\"c;d\ne;f\n", v);
        assertThat(v.list()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).contains("not closed");
        });
    }

    @Test
    void atMostAHundredErrorsAreListedAndTheRestCounted() {
        StringBuilder csv = new StringBuilder(ChartCsv.HEADER).append('\n');
        for (int i = 0; i < 150; i++) {
            csv.append("*;1100;1;X;5000;;;;;;;;;;;no;\n");
        }
        Violations v = new Violations();
        ChartCsv.Parsed parsed = ChartCsv.read(csv.toString().getBytes(StandardCharsets.UTF_8), v);
        ChartRules.lines(parsed.lines(), parsed.where(), null, v);
        assertThatThrownBy(v::throwIfAny).isInstanceOfSatisfying(SetupException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).hasSize(101);
            assertThat(e.errors().get(0).line()).isEqualTo(2);
            assertThat(e.errors().get(100).message()).contains("50 more errors");
        });
    }

    @Test
    void anUploadOverFiveMegabytesIs413() {
        assertThatThrownBy(() -> ChartCsv.readLimited(new ByteArrayInputStream(new byte[ChartCsv.MAX_BYTES + 1])))
                .isInstanceOfSatisfying(SetupException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    private static List<ChartLine> readValid(byte[] csv) {
        Violations v = new Violations();
        ChartCsv.Parsed parsed = ChartCsv.read(csv, v);
        List<ChartLine> lines = ChartRules.lines(parsed.lines(), parsed.where(), Field.DEPARTMENT, v);
        assertThat(v.list()).isEmpty();
        return lines;
    }
}
