package dk.platform.ledger.definition;

import dk.platform.ledger.api.AccountStructure;
import dk.platform.ledger.api.AccountType;
import dk.platform.ledger.api.GeneratedSide;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.command.DefinitionRow;
import dk.platform.ledger.api.command.GeneratedEntry;
import dk.platform.ledger.domain.LedgerException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dk.platform.ledger.api.AccountStructure.ANY;
import static dk.platform.ledger.api.AccountStructure.BALANCE;
import static dk.platform.ledger.api.AccountStructure.EXPENSE;
import static dk.platform.ledger.api.AccountStructure.REVENUE;
import static dk.platform.ledger.api.GeneratedSide.SAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule engine of SPEC §2 on its own: structures, masks, priorities, segment inheritance, sides. */
class PostingRulesTest {

    static Money m(String a) {
        return Money.of(a);
    }

    static DefinitionRow row(AccountStructure structure, String mask, int priority, GeneratedEntry... generated) {
        return new DefinitionRow(structure, mask, priority, List.of(generated));
    }

    static GeneratedEntry gen(String account, GeneratedSide side) {
        return new GeneratedEntry(account, side);
    }

    static PostingLine d(String account, String amount) {
        return PostingLine.debit(account, m(amount));
    }

    static PostingLine k(String account, String amount) {
        return PostingLine.credit(account, m(amount));
    }

    static List<PostingLine> generate(List<DefinitionRow> rows, Map<String, AccountType> types, PostingLine... lines) {
        PostingRules.Definition definition = new PostingRules.Definition("D", 3, "ADVANCED_ENTRY", null, rows);
        Function<String, AccountType> typeOf = a -> types.getOrDefault(a, AccountType.ASSET);
        return PostingRules.generate(List.of(lines), line -> definition, typeOf).stream()
                .map(l -> new PostingLine(l.account(), l.debit(), l.credit())).toList();
    }

    @Test
    void theBudgetAppropriationExampleGeneratesBothLinesFromTheExpenseLine() {
        List<DefinitionRow> rows = List.of(
                row(EXPENSE, "", 1, gen("-36300", SAME), gen("-36350", GeneratedSide.BALANCE)),
                row(REVENUE, "", 1, gen("-36300", GeneratedSide.BALANCE), gen("-36340", SAME)));
        assertThat(generate(rows, Map.of("101-606400-OU_1-OU_3566-Training", AccountType.EXPENSE),
                k("101-606400-OU_1-OU_3566-Training", "250.00")))
                .containsExactly(k("101-36300", "250.00"), d("101-36350", "250.00"));
    }

    @Test
    void theCorrectionBetweenFundsExampleGeneratesSixLines() {
        List<DefinitionRow> rows = List.of(
                row(ANY, "300- -", 1, gen("300-11001", GeneratedSide.BALANCE), gen("900-11001", GeneratedSide.BALANCE), gen("900-37300", SAME)),
                row(ANY, "100- -", 1, gen("100-11001", GeneratedSide.BALANCE), gen("900-11001", GeneratedSide.BALANCE), gen("900-37301", SAME)));
        assertThat(generate(rows, Map.of(), d("300-12300-51002", "350.00"), k("100-39810-51001", "350.00")))
                .containsExactly(k("300-11001", "350.00"), k("900-11001", "350.00"), d("900-37300", "350.00"),
                        d("100-11001", "350.00"), d("900-11001", "350.00"), k("900-37301", "350.00"));
    }

    @Test
    void aHighPriorityRowWithoutGeneratedEntriesMeansGenerateNothing() {
        List<DefinitionRow> rows = List.of(row(BALANCE, "999", 1),
                row(BALANCE, "101", 1, gen("101-11010", GeneratedSide.BALANCE), gen("999-37101", SAME)),
                row(BALANCE, "", 2, gen("000-1", SAME)));
        assertThat(generate(rows, Map.of(), k("999-24210", "250.00"), d("101-24210", "250.00")))
                .containsExactly(k("101-11010", "250.00"), d("999-37101", "250.00"));
    }

    @Test
    void onlyTheHighestPriorityOfTheMatchingRowsApplies() {
        List<DefinitionRow> rows = List.of(row(ANY, "", 2, gen("GENERAL", SAME)), row(ANY, "101-5", 1, gen("SPECIAL", SAME)));
        assertThat(generate(rows, Map.of(), d("101-5", "1.00"), d("101-6", "2.00")))
                .containsExactly(d("SPECIAL", "1.00"), d("GENERAL", "2.00"));
    }

    @Test
    void masksCompareSegmentsFromTheLeftAndBlankSegmentsMatchAnything() {
        assertThat(PostingRules.maskMatches("101", "101-66100-150")).isTrue();
        assertThat(PostingRules.maskMatches("101-", "101-66100-150")).isTrue();
        assertThat(PostingRules.maskMatches("101- -", "101-66100-150")).isTrue();
        assertThat(PostingRules.maskMatches("", "999-1")).isTrue();
        assertThat(PostingRules.maskMatches("-66100", "101-66100-150")).isTrue();
        assertThat(PostingRules.maskMatches("-66100", "101-66200-150")).isFalse();
        assertThat(PostingRules.maskMatches("1010", "101-66100")).isFalse();
        assertThat(PostingRules.maskMatches("101-66100-150-7", "101-66100-150")).isFalse();
    }

    @Test
    void theStructureSelectsLinesByTheirAccountType() {
        List<DefinitionRow> rows = List.of(row(REVENUE, "", 1, gen("R", SAME)), row(BALANCE, "", 1, gen("B", SAME)));
        assertThat(generate(rows, Map.of("E", AccountType.EXPENSE, "I", AccountType.REVENUE, "L", AccountType.LIABILITY),
                d("E", "1.00"), d("I", "2.00"), d("L", "3.00")))
                .containsExactly(d("R", "2.00"), d("B", "3.00"));
    }

    @Test
    void sameAndBalanceFollowTheSideOfTheMatchedLine() {
        List<DefinitionRow> rows = List.of(row(ANY, "", 1, gen("S", SAME), gen("B", GeneratedSide.BALANCE)));
        assertThat(generate(rows, Map.of(), d("X", "5.00"))).containsExactly(d("S", "5.00"), k("B", "5.00"));
        assertThat(generate(rows, Map.of(), k("X", "5.00"))).containsExactly(k("S", "5.00"), d("B", "5.00"));
    }

    @Test
    void generatedLinesNameTheDefinitionVersionAndRow() {
        PostingRules.Definition definition = new PostingRules.Definition("D", 3, "ADVANCED_ENTRY", null,
                List.of(row(ANY, "9", 1), row(ANY, "", 2, gen("S", SAME))));
        assertThat(PostingRules.generate(List.of(d("X", "1.00")), l -> definition, a -> AccountType.ASSET))
                .containsExactly(d("S", "1.00").generatedBy(new PostingLine.GeneratedBy("D", 3, 2)));
    }

    @Test
    void aBlankSegmentBeyondTheMatchedAccountIsARuleViolation() {
        List<DefinitionRow> rows = List.of(row(ANY, "", 1, gen("- -36300", SAME)));
        assertThatThrownBy(() -> generate(rows, Map.of(), d("101", "1.00")))
                .isInstanceOf(LedgerException.RuleViolation.class)
                .hasMessageContaining("takes segment 2 from 101, which has only 1 segment");
    }
}
