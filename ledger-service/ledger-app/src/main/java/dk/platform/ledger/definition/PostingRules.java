package dk.platform.ledger.definition;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.AccountType;
import dk.platform.ledger.api.GeneratedSide;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.command.DefinitionRow;
import dk.platform.ledger.api.command.GeneratedEntry;
import dk.platform.ledger.domain.LedgerException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The posting-definition rule engine of SPEC §2, as a pure function: for each line, the rows of
 * its definition whose structure and mask match it; of those only the highest priority (lowest
 * number) apply; each generates its entries with the line's amount, on the same side (SAME) or
 * the other (BALANCE), with blank account segments taken from the line.
 */
public final class PostingRules {

    public static final int MAX_SEGMENTS = 5;

    /** One version of a definition, as the rules need it. */
    public record Definition(String definitionId, int version, String transactionType, String fundClass, List<DefinitionRow> rows) {
    }

    private PostingRules() {
    }

    /**
     * The lines generated for {@code lines}. {@code definitionFor} gives the definition that
     * applies to a line (by the class of its fund), or null; {@code typeOf} an account's type.
     */
    public static List<PostingLine> generate(List<PostingLine> lines, Function<PostingLine, Definition> definitionFor,
                                             Function<String, AccountType> typeOf) {
        List<PostingLine> generated = new ArrayList<>();
        for (PostingLine line : lines) {
            Definition definition = definitionFor.apply(line);
            if (definition == null) {
                continue;
            }
            AccountType type = typeOf.apply(line.account());
            int best = Integer.MAX_VALUE;
            for (DefinitionRow row : definition.rows()) {
                if (matches(row, line.account(), type)) {
                    best = Math.min(best, row.priority());
                }
            }
            for (int r = 0; r < definition.rows().size(); r++) {
                DefinitionRow row = definition.rows().get(r);
                if (row.priority() == best && matches(row, line.account(), type)) {
                    PostingLine.GeneratedBy by = new PostingLine.GeneratedBy(definition.definitionId(), definition.version(), r + 1);
                    for (GeneratedEntry entry : row.generated() == null ? List.<GeneratedEntry>of() : row.generated()) {
                        String account = resolve(entry.account(), line.account());
                        boolean debit = line.isDebit() == (entry.side() == GeneratedSide.SAME);
                        generated.add(new PostingLine(account, debit ? line.amount() : null, debit ? null : line.amount(), by));
                    }
                }
            }
        }
        return generated;
    }

    static boolean matches(DefinitionRow row, String account, AccountType type) {
        return type != null && row.accountStructure().selects(type) && maskMatches(row.matchAccount(), account);
    }

    /** Segment by segment from the left; a blank or missing mask segment matches anything. */
    static boolean maskMatches(String mask, String account) {
        if (mask == null || mask.isBlank()) {
            return true;
        }
        String[] want = segments(mask);
        String[] have = segments(account);
        for (int i = 0; i < want.length; i++) {
            String w = want[i].trim();
            if (!w.isEmpty() && (i >= have.length || !w.equals(have[i]))) {
                return false;
            }
        }
        return true;
    }

    /** Blank segments of a generated account are taken from the matched line's account at the same position. */
    static String resolve(String pattern, String matched) {
        String[] parts = segments(pattern);
        String[] from = segments(matched);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                if (i >= from.length || from[i].isBlank()) {
                    throw new LedgerException.RuleViolation("generated account " + InputRules.quote(pattern) + " takes segment " + (i + 1)
                            + " from " + matched + ", which has only " + from.length + " segment" + (from.length == 1 ? "" : "s"));
                }
                parts[i] = from[i];
            } else {
                parts[i] = parts[i].trim();
            }
        }
        return String.join("-", parts);
    }

    static String[] segments(String account) {
        return account.split("-", -1);
    }

    /** The fund of an account: its first segment. */
    public static String fundOf(String account) {
        return segments(account)[0];
    }
}
