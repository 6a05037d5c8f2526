package dk.platform.ledger.definition;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.TransactionTypes;
import dk.platform.ledger.domain.Check;
import dk.platform.ledger.domain.LedgerException;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The year-end close (årsafslutning, SPEC §2 with the D365 seed): which balances a close of a
 * fiscal year sweeps, per fund class, and whether it may run. The close and its preview both ask
 * {@link #plan}, so the preview shows exactly what the close would post.
 * <ul>
 *   <li>A class is closed with the YEAR_END_CLOSE definition that applies to it: its own, else
 *   the one without a class (as {@link DefinitionRules} chooses for every entry). A close without
 *   a class closes every class that has one; funds without a class count as one more class.</li>
 *   <li>The balances swept are those as they stand on the last day: everything posted up to it,
 *   and the reversals of earlier closes of this year or before, which count in the year they
 *   re-open whatever their own date ({@link DefinitionLookups#reversedClosingsFor}).</li>
 *   <li>Years close in order: a class's year Y+1 is refused while its year Y is open, that is
 *   while Y is not recorded as closed for the class and a close of Y would still sweep a balance.
 *   The first year with postings has nothing before it to close.</li>
 * </ul>
 */
@Component
public class YearEndClose {

    /** An account a close brings to zero, and the balance (debit - credit) it had. */
    public record Swept(String account, Money balance) {
    }

    /**
     * What a close does for one fund class (null: the funds without a class): the accounts it
     * sweeps, and their net, which the definition moves into the fund balance.
     */
    public record ClassClosed(String fundClass, List<Swept> accounts, Money net) {
    }

    /** A close as it would post: its date, the per-class summary and every line (swept and generated). */
    public record Plan(int fiscalYear, String fundClass, LocalDate postingDate, List<ClassClosed> closed, DefinitionRules.Posting posting) {

        /** The classes it closes, as recorded on YearClosed (null: the funds without a class). */
        public List<String> classes() {
            return closed.stream().map(ClassClosed::fundClass).toList();
        }
    }

    private final DefinitionLookups lookups;
    private final DefinitionRules rules;

    YearEndClose(DefinitionLookups lookups, DefinitionRules rules) {
        this.lookups = lookups;
        this.rules = rules;
    }

    /** The close of {@code fiscalYear} for {@code fundClass} (null: every class with a definition), or why it may not run. */
    public Plan plan(Integer fiscalYear, String fundClass) {
        int year = Check.required(fiscalYear, "fiscalYear");
        if (year < 1900 || year > 2999) {
            throw new LedgerException.Invalid("fiscalYear " + year + " is not a year");
        }
        Check.optionalId(fundClass, "fundClass");
        String scope = fundClass == null ? "" : " (" + fundClass + ")";
        if (fundClass != null) {
            String closedBy = lookups.closedBy(year, fundClass);
            if (closedBy != null) {
                throw new LedgerException.RuleViolation("fiscal year " + year + scope + " is already closed by entry " + closedBy
                        + "; reverse that entry to re-open the year");
            }
        }
        if (lookups.definitions(TransactionTypes.YEAR_END_CLOSE).isEmpty()) {
            throw new LedgerException.RuleViolation("there is no YEAR_END_CLOSE posting definition; register one first");
        }
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        Map<String, List<PostingLine>> sweep = sweep(year, fundClass);
        Map<String, String> alreadyClosed = new TreeMap<>();
        sweep.keySet().removeIf(key -> {
            String closedBy = lookups.closedBy(year, classOf(key));
            if (closedBy != null) {
                alreadyClosed.put(name(key), closedBy);
            }
            return closedBy != null;
        });
        if (sweep.isEmpty()) {
            throw new LedgerException.RuleViolation(alreadyClosed.isEmpty()
                    ? "no account the YEAR_END_CLOSE definition matches has a balance on " + lastDay + scope
                    : "fiscal year " + year + " is already closed for " + alreadyClosed.entrySet().stream()
                    .map(e -> e.getKey() + " by entry " + e.getValue()).reduce((a, b) -> a + ", " + b).orElseThrow()
                    + "; reverse a closing entry to re-open its year");
        }
        Map<String, List<PostingLine>> before = sweep(year - 1, fundClass);
        for (String key : sweep.keySet()) {
            List<PostingLine> open = before.get(key);
            if (open != null && lookups.closedBy(year - 1, classOf(key)) == null) {
                throw new LedgerException.RuleViolation("fiscal year " + (year - 1) + " is still open for " + name(key) + ": "
                        + accounts(open) + " on " + lastDay.minusYears(1) + "; close " + (year - 1) + " first"
                        + " (years close in order; preview it with POST /api/year-end-closings/preview)");
            }
        }
        List<PostingLine> lines = new ArrayList<>();
        sweep.values().forEach(lines::addAll);
        DefinitionRules.Posting posting = rules.apply(TransactionTypes.YEAR_END_CLOSE, lines);
        return new Plan(year, fundClass, lastDay, closed(posting.posted()), posting);
    }

    /** The per-class summary of a closing entry's lines: the swept ones are those no definition generated. */
    public List<ClassClosed> closed(List<PostingLine> posted) {
        Map<String, List<Swept>> byClass = new TreeMap<>();
        Map<String, Optional<String>> classes = new HashMap<>();
        for (PostingLine line : posted) {
            if (line.generatedBy() == null) {
                String key = classKey(classes.computeIfAbsent(PostingRules.fundOf(line.account()),
                        fund -> Optional.ofNullable(lookups.fundClass(fund))).orElse(null));
                // a credit brought a debit balance to zero
                byClass.computeIfAbsent(key, k -> new ArrayList<>()).add(new Swept(line.account(), line.signedAmount().negate()));
            }
        }
        List<ClassClosed> closed = new ArrayList<>();
        byClass.forEach((key, swept) -> closed.add(new ClassClosed(classOf(key), swept,
                swept.stream().map(Swept::balance).reduce(Money.ZERO, Money::plus))));
        return closed;
    }

    /**
     * The closing line of every account with a balance on the year's last day, per class key
     * ("" for funds without a class), when the class's definition generates lines for it.
     */
    private Map<String, List<PostingLine>> sweep(int year, String fundClass) {
        Map<String, Money> balances = new TreeMap<>(lookups.balancesUpTo(year + "-12"));
        lookups.reversedClosingsFor(year).forEach((account, amount) -> balances.merge(account, amount, Money::plus));
        Map<String, Optional<String>> classes = new HashMap<>();
        Map<String, Boolean> hasDefinition = new HashMap<>();
        Map<String, List<PostingLine>> byClass = new LinkedHashMap<>();
        balances.forEach((account, balance) -> {
            String accountClass = classes.computeIfAbsent(PostingRules.fundOf(account),
                    fund -> Optional.ofNullable(lookups.fundClass(fund))).orElse(null);
            if (balance.isZero() || (fundClass != null && !fundClass.equals(accountClass))
                    || !hasDefinition.computeIfAbsent(classKey(accountClass),
                    key -> rules.definitionFor(TransactionTypes.YEAR_END_CLOSE, accountClass) != null)) {
                return;
            }
            PostingLine closing = balance.isPositive() ? PostingLine.credit(account, balance) : PostingLine.debit(account, balance.negate());
            if (!rules.generate(TransactionTypes.YEAR_END_CLOSE, List.of(closing)).isEmpty()) {
                byClass.computeIfAbsent(classKey(accountClass), k -> new ArrayList<>()).add(closing);
            }
        });
        return new TreeMap<>(byClass);
    }

    private static String accounts(List<PostingLine> closing) {
        StringBuilder text = new StringBuilder(closing.size() == 1 ? "account " : "accounts ");
        for (int i = 0; i < Math.min(closing.size(), 5); i++) {
            PostingLine l = closing.get(i);
            text.append(i == 0 ? "" : ", ").append(l.account()).append(" (").append(l.signedAmount().negate()).append(')');
        }
        if (closing.size() > 5) {
            text.append(" and ").append(closing.size() - 5).append(" more");
        }
        return text.append(closing.size() == 1 ? " has a balance" : " have balances").toString();
    }

    private static String classKey(String fundClass) {
        return fundClass == null ? "" : fundClass;
    }

    private static String classOf(String key) {
        return key.isEmpty() ? null : key;
    }

    private static String name(String key) {
        return key.isEmpty() ? "the funds without a class" : "fund class " + key;
    }
}
