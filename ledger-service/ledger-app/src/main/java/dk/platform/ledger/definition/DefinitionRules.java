package dk.platform.ledger.definition;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.AccountType;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.TransactionTypes;
import dk.platform.ledger.domain.Check;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.lookup.Lookups;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Applies the current posting definitions to an entry's lines: what posts, and what a preview shows. */
@Component
public class DefinitionRules {

    /** What an entry of a transaction type posts: its own lines (unless it is a budget entry) and the generated ones. */
    public record Posting(List<PostingLine> lines, List<PostingLine> generated, List<PostingLine> posted, List<PostingLine> budgetLines) {
        public Money debitTotal() {
            return posted.stream().filter(PostingLine::isDebit).map(PostingLine::debit).reduce(Money.ZERO, Money::plus);
        }

        public Money creditTotal() {
            return posted.stream().filter(l -> !l.isDebit()).map(PostingLine::credit).reduce(Money.ZERO, Money::plus);
        }
    }

    private final DefinitionLookups definitions;
    private final Lookups lookups;

    DefinitionRules(DefinitionLookups definitions, Lookups lookups) {
        this.definitions = definitions;
        this.lookups = lookups;
    }

    public Posting apply(String transactionType, List<PostingLine> lines) {
        for (PostingLine line : lines) {
            if (line.generatedBy() != null) {
                throw new LedgerException.Invalid("generatedBy is set by the ledger, not by the sender (account " + line.account() + ")");
            }
        }
        if (transactionType == null) {
            return new Posting(lines, List.of(), lines, List.of());
        }
        if (!TransactionTypes.ALL.contains(transactionType)) {
            throw new LedgerException.Invalid("transactionType " + InputRules.quote(transactionType) + " is unknown; known types: "
                    + String.join(", ", new java.util.TreeSet<>(TransactionTypes.ALL)));
        }
        List<PostingLine> generated = generate(transactionType, lines);
        refuseControlAccounts(generated);
        boolean budget = TransactionTypes.BUDGET_ORIGINAL.equals(transactionType);
        if (budget && generated.isEmpty()) {
            throw new LedgerException.RuleViolation("a BUDGET_ORIGINAL entry posts only the lines its posting definition generates,"
                    + " and no definition generated any for these lines");
        }
        List<PostingLine> posted = new ArrayList<>(budget ? List.of() : lines);
        posted.addAll(generated);
        return new Posting(lines, generated, posted, budget ? lines : List.of());
    }

    /** The generated lines alone; each generated account must exist. */
    public List<PostingLine> generate(String transactionType, List<PostingLine> lines) {
        List<PostingRules.Definition> candidates = definitions.definitions(transactionType);
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Optional<String>> classes = new HashMap<>();
        Map<String, AccountType> types = new HashMap<>();
        List<PostingLine> generated = PostingRules.generate(lines,
                line -> choose(candidates, classes.computeIfAbsent(PostingRules.fundOf(line.account()),
                        fund -> Optional.ofNullable(definitions.fundClass(fund))).orElse(null)),
                account -> types.computeIfAbsent(account, a -> {
                    Map<String, String> found = lookups.account(a);
                    return found == null ? null : AccountType.valueOf(found.get("type"));
                }));
        Set<String> accounts = new LinkedHashSet<>();
        generated.forEach(l -> accounts.add(Check.account(l.account(), "generated account")));
        Set<String> missing = lookups.missingAccounts(accounts);
        if (!missing.isEmpty()) {
            PostingLine first = generated.stream().filter(l -> missing.contains(l.account())).findFirst().orElseThrow();
            throw new LedgerException.RuleViolation("generated account" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " does" : " do") + " not exist (posting definition " + first.generatedBy().definitionId()
                    + " row " + first.generatedBy().row() + "); create it in the chart of accounts first");
        }
        return generated;
    }

    /** The active definition of a transaction type that applies to entries of a fund class (null: a fund without a class), or null. */
    public PostingRules.Definition definitionFor(String transactionType, String fundClass) {
        return choose(definitions.definitions(transactionType), fundClass);
    }

    /** SPEC §1.1: a control account (samlekonto) belongs to the open items; a definition may not post to it. */
    private void refuseControlAccounts(List<PostingLine> generated) {
        if (generated.isEmpty()) {
            return;
        }
        Set<String> control = lookups.controlAccounts(generated.stream().map(PostingLine::account).toList());
        if (!control.isEmpty()) {
            PostingLine first = generated.stream().filter(l -> control.contains(l.account())).findFirst().orElseThrow();
            throw new LedgerException.RuleViolation("posting definition " + first.generatedBy().definitionId() + " row "
                    + first.generatedBy().row() + " generates a line on " + (control.size() == 1 ? "account " : "accounts ")
                    + String.join(", ", control) + ", a control account (samlekonto) of open items; only open items post to it:"
                    + " post through open items, and change the definition to generate onto another account (SPEC §1.1)");
        }
    }

    /** The definition for a fund class: one made for that class, else one for every class. */
    private static PostingRules.Definition choose(List<PostingRules.Definition> candidates, String fundClass) {
        PostingRules.Definition generic = null;
        for (PostingRules.Definition d : candidates) {
            if (d.fundClass() != null && d.fundClass().equals(fundClass)) {
                return d;
            }
            if (d.fundClass() == null && generic == null) {
                generic = d;
            }
        }
        return generic;
    }
}
