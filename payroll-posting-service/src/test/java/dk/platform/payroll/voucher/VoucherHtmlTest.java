package dk.platform.payroll.voucher;

import static dk.platform.payroll.voucher.Vouchers.html;
import static dk.platform.payroll.voucher.Vouchers.line;
import static dk.platform.payroll.voucher.Vouchers.voucher;
import static org.assertj.core.api.Assertions.assertThat;

import dk.platform.ledger.api.Money;
import dk.platform.payroll.chart.Usage;
import dk.platform.payroll.posting.DifferenceCause;
import dk.platform.payroll.posting.Voucher;
import dk.platform.payroll.setup.Field;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class VoucherHtmlTest {

    private static final List<Field> THREE = List.of(Field.DEPARTMENT, Field.OPTIONAL1, Field.ACCOUNT);
    private static final Pattern ROW = Pattern.compile("<tr(?: class=\"sub sub\\d\")?><td(?: colspan=\"\\d+\")?>([^<]*)</td>");
    private static final Pattern TBODY = Pattern.compile("<tbody[^>]*>");

    /** Lines in voucher order: a total first, then department 1010 (projects A, A, B) and 2020 (project A). */
    private static Voucher known(boolean pageBreak) {
        return voucher(THREE, pageBreak,
                line(Usage.VOUCHER_AND_CENTRAL, true, "Skat", "6100", "-60.00", null, null, "6100"),
                line("Løn", "1100", "10.00", "1010", "A", "1100"),
                line("Tillæg", "1200", "20.00", "1010", "A", "1200"),
                line("Løn", "1100", "5.00", "1010", "B", "1100"),
                line(Usage.CENTRAL, false, "ATP", "1500", "7.00", "1010", "B", "1500"),
                line("Løn", "1100", "25.00", "2020", "A", "1100"),
                line(Usage.CENTRAL, false, "ATP", "6500", "-7.00", "3030", "A", "6500"));
    }

    @Test
    void aSubtotalFollowsEachChangeOfEveryFieldButTheLastInnermostFirst() {
        String html = html(known(false));

        assertThat(rows(html)).containsExactly(
                "Skat", "Subtotal totaler",
                "Løn", "Tillæg", "Subtotal Valgfri 1 A",
                "Løn", "Subtotal Valgfri 1 B", "Subtotal Afdeling 1010",
                "Løn", "Subtotal Valgfri 1 A", "Subtotal Afdeling 2020");
        assertThat(html).contains("<tr class=\"sub sub1\"><td colspan=\"4\">Subtotal Valgfri 1 A</td>"
                        + "<td class=\"num\">30,00</td><td class=\"num\">0,00</td></tr>",
                "<tr class=\"sub sub0\"><td colspan=\"4\">Subtotal Afdeling 1010</td>"
                        + "<td class=\"num\">35,00</td><td class=\"num\">0,00</td></tr>",
                "<tr class=\"sub sub0\"><td colspan=\"4\">Subtotal totaler</td>"
                        + "<td class=\"num\">0,00</td><td class=\"num\">60,00</td></tr>");
    }

    @Test
    void aSortingCodeOfOneFieldHasNoSubtotalsButTheTotalsBlocks() {
        Voucher voucher = voucher(List.of(Field.DEPARTMENT), false,
                line(Usage.VOUCHER_AND_CENTRAL, true, "Skat", "6100", "-15.00", (String) null),
                line("Løn", "1100", "10.00", "1010"), line("Løn", "1100", "5.00", "2020"));

        assertThat(rows(html(voucher))).containsExactly("Skat", "Subtotal totaler", "Løn", "Løn");
    }

    @Test
    void eachValueOfTheFirstFieldStartsANewPageOnlyWhenTheSortingCodeSaysSo() {
        String paged = html(known(true));
        String unpaged = html(known(false));

        assertThat(tbodies(paged)).containsExactly("<tbody class=\"totals\">", "<tbody class=\"page\">", "<tbody class=\"page\">");
        assertThat(tbodies(unpaged)).containsExactly("<tbody class=\"totals\">", "<tbody>", "<tbody>");
        assertThat(paged).contains("tbody.page { break-before: page; }");
    }

    @Test
    void textIsEscaped() {
        VoucherHeader header = new VoucherHeader("R<1>", "E1", "Jensen & Søn <A/S>", Vouchers.HEADER.periods(),
                LocalDate.of(2024, 11, 28), 1, VoucherKind.CHECK, 1L, Instant.parse("2024-11-27T12:00:00Z"));
        String html = html(voucher(List.of(Field.DEPARTMENT), false, line("Løn <b>&</b>", "1100", "1.00", "10\"10"),
                line("Skat", "6100", "-1.00", "10\"10")), header);

        assertThat(html).contains("<td>Løn &lt;b&gt;&amp;&lt;/b&gt;</td><td>10&quot;10</td>",
                "<dd>E1 Jensen &amp; Søn &lt;A/S&gt;</dd>", "<dd>R&lt;1&gt;</dd>", "(kontrol af bogføring)")
                .doesNotContain("<b>", "Søn <A/S>");
    }

    @Test
    void onlyLinesForTheVoucherAreShownAndTheGrandAndCentralTotalsAreAtTheTopAndTheBottom() {
        String html = html(known(false));

        assertThat(html).doesNotContain("ATP", "role=\"alert\"");
        String totals = "<tr class=\"voucher\"><th>I alt på bilaget</th><td class=\"num\">60,00</td><td class=\"num\">60,00</td></tr>\n"
                + "<tr class=\"central\"><th>Til finans (central)</th><td class=\"num\">67,00</td><td class=\"num\">67,00</td></tr>";
        assertThat(html.indexOf(totals)).isLessThan(html.indexOf("<table class=\"lines\">"));
        assertThat(html.lastIndexOf(totals)).isGreaterThan(html.indexOf("</table>", html.indexOf("<table class=\"lines\">")));
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"da\">").doesNotContain("<script", "<link", "src=");
    }

    @Test
    void aDifferenceGetsARedBannerWithItsCausesAndHowManyEmployeesAreNotNamed() {
        DifferenceCause cause = new DifferenceCause("NOT_IN_CHART", "1200", "A1", Money.of("1234.50"), 23,
                List.of("E1", "E2"), "wage type 1200 has no line in chart A1");
        String html = html(voucher(List.of(Field.DEPARTMENT), false, List.of(cause), line("Løn", "1100", "1234.50", "1010")));

        assertThat(html).contains("<section class=\"difference\" role=\"alert\">\n<h2>Difference (forskel): 1.234,50</h2>",
                "<tr><td>wage type 1200 is not in chart A1 (lønart mangler i kontoplanen) <code>NOT_IN_CHART</code></td>"
                        + "<td>1200</td><td>A1</td><td class=\"num\">1.234,50</td>"
                        + "<td>E1, E2 and 21 more</td><td>wage type 1200 has no line in chart A1</td></tr>");
        assertThat(html.indexOf("role=\"alert\"")).isLessThan(html.indexOf("<table class=\"totals\">"));
    }

    @Test
    void aVoucherThatBalancesOnlyBecauseAWageTypeWasLeftOffShowsWhatWasLeftOffNotZero() {
        DifferenceCause cause = new DifferenceCause("NOT_IN_CHART", "1200", "A1", Money.of("1500.00"), 1,
                List.of("E1002"), "wage type 1200 has no line in chart A1");
        String html = html(voucher(List.of(Field.DEPARTMENT), false, List.of(cause),
                line("Løn", "1100", "100.00", "1010"), line("Nettoløn", "9991", "-100.00", "1010")));

        assertThat(html).doesNotContain("Difference (forskel): 0,00").contains(
                "<h2>Difference (forskel): 1.500,00 not posted (ikke bogført)</h2>",
                "The voucher cannot be posted (bilaget kan ikke bogføres): it balances only because these amounts were left off it.",
                "<td>E1002</td>");
    }

    @Test
    void amountsAreWrittenTheDanishWay() {
        assertThat(Danish.grouped(Money.of("1234.50"))).isEqualTo("1.234,50");
        assertThat(Danish.grouped(Money.of("-1234567.89"))).isEqualTo("-1.234.567,89");
        assertThat(Danish.grouped(Money.of("999"))).isEqualTo("999,00");
        assertThat(Danish.grouped(Money.of("-0.05"))).isEqualTo("-0,05");
        assertThat(Danish.grouped(Money.of("100000"))).isEqualTo("100.000,00");
    }

    private static List<String> rows(String html) {
        String body = html.substring(html.indexOf("<table class=\"lines\">"));
        body = body.substring(0, body.indexOf("</table>"));
        Matcher m = ROW.matcher(body);
        return m.results().map(r -> r.group(1)).toList();
    }

    private static List<String> tbodies(String html) {
        String body = html.substring(html.indexOf("<table class=\"lines\">"));
        return TBODY.matcher(body.substring(0, body.indexOf("</table>"))).results().map(r -> r.group()).toList();
    }
}
