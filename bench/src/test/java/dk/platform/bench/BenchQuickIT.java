package dk.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code deploy/bench.sh --quick} as CI runs it, so the tool cannot rot: the local stack started from
 * the reactor's jars (ledger, settlement, payroll, launcher: built before this module), every phase at
 * its small scale. It asserts that every figure was produced and every ratio has its baseline; it
 * asserts no speed.
 */
class BenchQuickIT {

    @Test
    void aQuickRunProducesEveryFigureWithItsBaselineAndWritesTheTableMarkdownAndJson() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path md = Path.of("target", "BENCHMARKS-quick.md").toAbsolutePath();
        Path json = Path.of("target", "bench-results.json").toAbsolutePath();
        Files.deleteIfExists(md);
        Files.deleteIfExists(json);

        Results results = Bench.run(new String[] {"--quick", "--repo", repo.toString(), "--data",
                Path.of("target", "bench-stack").toAbsolutePath().toString(), "--md", md.toString(), "--json", json.toString()}, Map.of());

        assertThat(results).isNotNull();
        List<String> sections = results.figures.stream().map(Results.Figure::section).distinct().toList();
        assertThat(sections).hasSize(6).anyMatch(s -> s.startsWith("1. Command path: PostJournalEntry (2 lines"))
                .anyMatch(s -> s.startsWith("1. Command path: PostJournalEntry over Kafka"))
                .anyMatch(s -> s.startsWith("2. Open-item path")).anyMatch(s -> s.startsWith("3. Lag"))
                .anyMatch(s -> s.startsWith("4. Replay")).anyMatch(s -> s.startsWith("5. Payroll"));
        assertThat(results.figures).extracting(Results.Figure::name).contains(
                "REST, 1 client: commands/s", "REST, 8 clients: p95", "REST, 32 clients: p99",
                "Kafka, 1 client: commands/s", "Kafka, 32 clients: p99",
                "open-item mix: commands/s", "open-item mix: p99", "ApplyPayment (2 items): p99", "BookWriteOff: p99",
                "voucher generation (setup read, voucher and spec): lines/s", "peak heap of payroll-posting-service");
        for (String lag : List.of("accepted → readable in konto view: p99", "accepted → consumed from ledger.events: p99")) {
            assertThat(results.figures).as(lag).anyMatch(f -> f.name().startsWith(lag));
        }
        assertThat(results.figures).filteredOn(f -> f.section().startsWith("4. Replay") && f.name().endsWith("events/s"))
                .hasSize(4);
        assertThat(results.figures).allSatisfy(f -> {
            assertThat(f.produced()).as("%s / %s was produced", f.section(), f.name()).isTrue();
            assertThat(f.value()).as(f.name()).isPositive();
            if (f.baselineName() != null) {
                assertThat(f.baseline()).as("baseline of %s", f.name()).isNotNull().isPositive();
                assertThat(f.ratio()).as("ratio of %s", f.name()).isNotNull();
            }
        });
        assertThat(results.figures.stream().filter(f -> f.baseline() != null).count()).isGreaterThanOrEqualTo(15);

        assertThat(md).content().contains(Results.BEGIN).contains("| REST, 32 clients: commands/s |")
                .contains("- **commit**:").contains("- **machine**:").contains("- **command**: deploy/bench.sh --quick");
        assertThat(json).content().contains("\"figures\"").contains("\"ratio\"").doesNotContain("\"value\" : null");
    }
}
