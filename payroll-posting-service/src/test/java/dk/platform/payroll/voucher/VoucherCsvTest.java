package dk.platform.payroll.voucher;

import static dk.platform.payroll.voucher.Vouchers.csv;
import static dk.platform.payroll.voucher.Vouchers.line;
import static dk.platform.payroll.voucher.Vouchers.voucher;
import static org.assertj.core.api.Assertions.assertThat;

import dk.platform.ledger.api.Money;
import dk.platform.payroll.chart.Usage;
import dk.platform.payroll.posting.SpecRow;
import dk.platform.payroll.setup.Field;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class VoucherCsvTest {

    private static final List<Field> DEPT_ACCOUNT = List.of(Field.DEPARTMENT, Field.ACCOUNT);

    @Test
    void startsWithAByteOrderMarkSoExcelReadsUtf8AndEndsEveryRowWithCrLf() {
        String csv = csv(voucher(DEPT_ACCOUNT, false, line("Løn", "1100", "10.00", "1010", "1100"),
                line("Skat", "6100", "-10.00", null, "6100")));

        assertThat(csv).startsWith("\uFEFFKontotekst;Afdeling;Konto;Debet;Kredit\r\n");
        assertThat(csv.split("\r\n", -1)).hasSize(4).endsWith("");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n", "\r");
    }

    @Test
    void amountsHaveADecimalCommaAndNoThousandsSeparatorAndTheEmptySideIsAnEmptyCell() {
        String csv = csv(voucher(DEPT_ACCOUNT, false, line("Løn", "1100", "1234567.50", "1010", "1100"),
                line("Skat", "6100", "-1234567.50", null, "6100")));

        assertThat(csv).contains("\r\nLøn;1010;1100;1234567,50;\r\n", "\r\nSkat;;6100;;1234567,50\r\n");
    }

    @Test
    void aCellWithASemicolonAQuoteOrALineBreakIsQuotedWithItsQuotesDoubled() {
        String csv = csv(voucher(DEPT_ACCOUNT, false, line("Løn; fast", "1100", "1.00", "1010", "1100"),
                line("Tillæg \"A\"", "1100", "1.00", "1010", "1100"), line("To\r\nlinjer", "1100", "-2.00", "1010", "1100")));

        assertThat(csv).contains("\r\n\"Løn; fast\";1010;1100;1,00;\r\n", "\r\n\"Tillæg \"\"A\"\"\";1010;1100;1,00;\r\n",
                "\r\n\"To\r\nlinjer\";1010;1100;;2,00\r\n");
    }

    @Test
    void theAccountHasOneColumnBeforeDebitWhereverItIsInTheSortingCode() {
        String csv = csv(voucher(List.of(Field.ACCOUNT, Field.OPTIONAL2, Field.PAYOUT_PLACE), false,
                line("Løn", "1100", "5.00", "1100", "X", "U1")));

        assertThat(csv).isEqualTo("\uFEFFKontotekst;Valgfri 2;Udbetalingssted;Konto;Debet;Kredit\r\nLøn;X;U1;1100;5,00;\r\n");
    }

    @Test
    void everyFieldHasItsDanishHeader() {
        String csv = csv(voucher(List.of(Field.values()), false));

        assertThat(csv).isEqualTo("\uFEFFKontotekst;Afdeling;Lønform;Inputværdikode;Lønramme;Medarbejdernr.;"
                + "Stillingskategori;Udbetalingssted;Valgfri 1;Valgfri 2;Valgfri 3;Valgfri 4;Valgfri 5;Valgfri 6;"
                + "Konto;Debet;Kredit\r\n");
    }

    @Test
    void onlyLinesForTheSpreadsheetAndNoSubtotalsNorTotals() {
        String csv = csv(voucher(DEPT_ACCOUNT, false, line(Usage.VOUCHER_AND_CENTRAL, false, "Begge", "1", "1.00", "1", "1"),
                line(Usage.VOUCHER, false, "Bilag", "2", "2.00", "1", "2"),
                line(Usage.SPREADSHEET, false, "Regneark", "3", "3.00", "1", "3"),
                line(Usage.CENTRAL, false, "Central", "4", "-6.00", "1", "4"),
                line(Usage.VOUCHER_AND_CENTRAL, false, "Andet", "5", "-6.00", "2", "5")));

        assertThat(csv.split("\r\n")).containsExactly("\uFEFFKontotekst;Afdeling;Konto;Debet;Kredit",
                "Begge;1;1;1,00;", "Bilag;1;2;2,00;", "Regneark;1;3;3,00;", "Andet;2;5;;6,00");
    }

    @Test
    void theSpecHasTheEmployeesAmountItsShareAndWhyAnAmountWasNotPosted() throws Exception {
        StringWriter out = new StringWriter();
        SpecCsv spec = new SpecCsv(out, DEPT_ACCOUNT);
        spec.accept(new SpecRow("E1", "1100", Money.of("-100.00"), "A1", 3, "10**/11**/1/D", Money.of("-33.33"), "Løn; fast",
                Arrays.asList("1010", "1100"), "1100", null, Money.of("33.33"), null));
        spec.accept(new SpecRow("E2", "1200", Money.of("5.00"), "A1", null, null, Money.of("5.00"), null, null, null, null,
                null, "NOT IN CHART: makes a difference"));
        spec.flush();

        assertThat(out.toString().split("\r\n")).containsExactly(
                "\uFEFFMedarbejdernr.;Lønart;Beløb;Kontoplan;Kontoplanlinje;Linje;Andel;Kontotekst;Afdeling;Konto;Debet;"
                        + "Kredit;Bemærkning",
                "E1;1100;-100,00;A1;3;10**/11**/1/D;-33,33;\"Løn; fast\";1010;1100;;33,33;",
                "E2;1200;5,00;A1;;;5,00;;;;;;NOT IN CHART: makes a difference");
    }
}
