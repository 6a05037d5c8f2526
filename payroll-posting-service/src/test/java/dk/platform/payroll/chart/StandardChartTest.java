package dk.platform.payroll.chart;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class StandardChartTest {

    final StandardChart.Content sd = StandardChart.shipped();

    @Test
    void theShippedCopyIsTheSharedDomainFileByteForByte() throws IOException {
        Optional<Path> shared = sharedFile();
        assumeTrue(shared.isPresent(), "shared/domain/sd-standard-chart.csv is not beside this checkout");
        try (InputStream shipped = StandardChart.class.getResourceAsStream(StandardChart.RESOURCE)) {
            assertThat(shipped.readAllBytes()).isEqualTo(Files.readAllBytes(shared.get()));
        }
    }

    @Test
    void aLineRepeatedUnderAnotherSectionIsKeptOnceWithItsFirstText() {
        assertThat(sd.lines()).hasSize(73); // 76 rows in the file, 3 of them repeats
        assertThat(lines("9820")).singleElement().satisfies(l -> {
            assertThat(l.side()).isEqualTo(Side.K);
            assertThat(l.account()).isEqualTo("0000000170");
            assertThat(l.text()).isEqualTo("Lønfordeling modpost");
        });
        assertThat(lines("8651")).singleElement().extracting(ChartLine::text).isEqualTo("Skattefri del jub./fratrædelsesg.");
        assertThat(lines("9813")).singleElement().extracting(ChartLine::text).isEqualTo("AM bidrag særlig indkomst");
    }

    @Test
    void debitAndCreditOfOneWageTypeAreDifferentLines() {
        assertThat(lines("9815")).extracting(ChartLine::side, ChartLine::seq, ChartLine::account)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Side.K, 1, "0000001270"),
                        org.assertj.core.groups.Tuple.tuple(Side.D, 1, "0000000110"));
        assertThat(lines("8649")).extracting(ChartLine::side).containsExactly(Side.D, Side.K);
    }

    @Test
    void everySdLineIsAPlainLineForAnyGroupOnVoucherAndLedger() {
        assertThat(sd.lines()).allSatisfy(l -> {
            assertThat(l.group()).isEqualTo("*");
            assertThat(l.wageType()).matches("\\d{4}");
            assertThat(l.deptCode()).isNull();
            assertThat(l.payoutCode()).isNull();
            assertThat(l.inputValueCode()).isNull();
            assertThat(l.optionals()).containsOnlyNulls();
            assertThat(l.employeeNo()).isFalse();
            assertThat(l.usage()).isEqualTo(Usage.VOUCHER_AND_CENTRAL);
        });
        assertThat(sd.lines().get(0)).isEqualTo(ChartLine.of("8651", 1, Side.D, "0000000080", "Skattefri del jub./fratrædelsesg."));
    }

    @Test
    void theChartIsReadOnlyValidFrom2000WithoutGroupField() {
        Chart chart = sd.chart(7);
        assertThat(chart.code()).isEqualTo("SD");
        assertThat(chart.description()).isEqualTo("SD standardkontoplan").hasSizeLessThanOrEqualTo(30);
        assertThat(chart.validFrom()).isEqualTo("2000-01-01");
        assertThat(chart.groupField()).isNull();
        assertThat(chart.readOnly()).isTrue();
        assertThat(chart.revision()).isEqualTo(7);
    }

    @Test
    void eachWageTypeGetsTheFirstAccountNameSeenForIt() {
        assertThat(sd.wageTypeTexts()).hasSize(71)
                .containsEntry("9815", "Pension Skyldig")
                .containsEntry("9820", "Lønfordeling modpost")
                .containsEntry("3000", "Værdi af fri bil");
    }

    private List<ChartLine> lines(String wageType) {
        return sd.lines().stream().filter(l -> l.wageType().equals(wageType)).toList();
    }

    private static Optional<Path> sharedFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/domain/sd-standard-chart.csv");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
