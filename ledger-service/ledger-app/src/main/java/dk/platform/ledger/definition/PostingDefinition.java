package dk.platform.ledger.definition;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.TransactionTypes;
import dk.platform.ledger.api.command.DefinitionRow;
import dk.platform.ledger.api.command.GeneratedEntry;
import dk.platform.ledger.api.command.RegisterPostingDefinition;
import dk.platform.ledger.api.event.PostingDefinitionRegistered;
import dk.platform.ledger.api.event.PostingDefinitionRetired;
import dk.platform.ledger.domain.Check;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.entry.CommandOutcome;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A posting definition (bogføringsdefinition): rows that add generated lines to entries of one
 * transaction type. Every change is a new version; an entry's generated lines name the version
 * that made them, so changing a definition never alters what was posted. Aggregate id:
 * {@code definition:<definitionId>}.
 */
@Aggregate
public class PostingDefinition {

    public static final String ID_PREFIX = "definition:";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._]{0,20}");

    /** Creates the definition; the same content again is a no-op, other content a 409 (change it with {@link Change}). */
    public record Create(@TargetAggregateIdentifier String id, RegisterPostingDefinition definition) {
        public static Create of(RegisterPostingDefinition d) {
            return new Create(ID_PREFIX + Check.id(d.definitionId(), "definitionId"), d);
        }
    }

    /** A new version of an existing definition. */
    public record Change(@TargetAggregateIdentifier String id, RegisterPostingDefinition definition) {
        public static Change of(RegisterPostingDefinition d) {
            return new Change(ID_PREFIX + Check.id(d.definitionId(), "definitionId"), d);
        }
    }

    public record Retire(@TargetAggregateIdentifier String id) {
    }

    /**
     * Which active definition holds a transaction type and fund class (null: every class), other
     * than {@code definitionId}; null if none. Kept set-based beside the events (DefinitionLookups),
     * where a unique index also stops two commands that race past this question.
     */
    public interface ActiveDefinitions {
        String holderOf(String transactionType, String fundClass, String definitionId);
    }

    @AggregateIdentifier
    private String id;
    private int version;
    private boolean retired;
    private String transactionType;
    private String fundClass;
    private List<DefinitionRow> rows;

    protected PostingDefinition() {
        // for Axon
    }

    /**
     * A retired definition is not brought back by POSTing it again (410): a seeding script that
     * re-sends its definitions must not silently undo a retirement. PUT re-activates it on purpose.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(Create c, ActiveDefinitions active) {
        RegisterPostingDefinition d = validate(c.definition());
        if (version > 0 && retired) {
            throw new LedgerException.Gone("posting definition " + d.definitionId() + " was retired (version " + version
                    + ") and stays retired; to use it again, PUT /api/posting-definitions/" + d.definitionId()
                    + " with its rows (that makes version " + (version + 1) + "), or POST it under a new definitionId");
        }
        if (version > 0) {
            if (sameAs(d)) {
                return CommandOutcome.REPLAYED;
            }
            throw new LedgerException.Conflict("posting definition " + d.definitionId() + " already exists (version " + version
                    + "); change it with PUT /api/posting-definitions/" + d.definitionId());
        }
        onePerTypeAndClass(d, active);
        apply(new PostingDefinitionRegistered(d.definitionId(), 1, d.transactionType(), d.fundClass(), d.rows()));
        return CommandOutcome.POSTED;
    }

    /** A change of a retired definition re-activates it, as a new version. */
    @CommandHandler
    public CommandOutcome handle(Change c, ActiveDefinitions active) {
        RegisterPostingDefinition d = validate(c.definition());
        if (sameAs(d) && !retired) {
            return CommandOutcome.REPLAYED;
        }
        onePerTypeAndClass(d, active);
        apply(new PostingDefinitionRegistered(d.definitionId(), version + 1, d.transactionType(), d.fundClass(), d.rows()));
        return CommandOutcome.POSTED;
    }

    /**
     * SPEC §2 (issue 21): one active definition per transaction type and fund class, so which
     * one applies is never a matter of id order. A definition without a class is the one for
     * every class that has none of its own.
     */
    private static void onePerTypeAndClass(RegisterPostingDefinition d, ActiveDefinitions active) {
        String holder = active.holderOf(d.transactionType(), d.fundClass(), d.definitionId());
        if (holder != null) {
            throw new LedgerException.Conflict(alreadyHeld(holder, d.transactionType(), d.fundClass()));
        }
    }

    /** The refusal of a second active definition for a type and class (also said when the unique index catches a race). */
    public static String alreadyHeld(String holder, String transactionType, String fundClass) {
        return "posting definition " + holder + " is already the active " + transactionType + " definition for "
                + (fundClass == null ? "every fund class (no fundClass)" : "fund class " + fundClass)
                + "; there is one per transaction type and fund class: change " + holder + " with PUT /api/posting-definitions/"
                + holder + ", or retire it (DELETE) first";
    }

    @CommandHandler
    public CommandOutcome handle(Retire c) {
        if (retired) {
            throw new LedgerException.RuleViolation("posting definition " + id.substring(ID_PREFIX.length()) + " is already retired");
        }
        apply(new PostingDefinitionRetired(id.substring(ID_PREFIX.length()), version));
        return CommandOutcome.POSTED;
    }

    private boolean sameAs(RegisterPostingDefinition d) {
        return Objects.equals(transactionType, d.transactionType()) && Objects.equals(fundClass, d.fundClass())
                && Objects.equals(rows, d.rows());
    }

    static RegisterPostingDefinition validate(RegisterPostingDefinition d) {
        Check.id(d.definitionId(), "definitionId");
        Check.required(d.transactionType(), "transactionType");
        Check.optionalId(d.fundClass(), "fundClass");
        if (!TransactionTypes.ALL.contains(d.transactionType())) {
            throw new LedgerException.Invalid("transactionType " + InputRules.quote(d.transactionType()) + " is unknown; known types: "
                    + String.join(", ", new java.util.TreeSet<>(TransactionTypes.ALL)));
        }
        Check.size(d.rows(), "rows", 1);
        for (int r = 0; r < d.rows().size(); r++) {
            DefinitionRow row = Check.required(d.rows().get(r), "rows[" + r + "]");
            Check.required(row.accountStructure(), "rows[" + r + "].accountStructure");
            Integer priority = Check.required(row.priority(), "rows[" + r + "].priority");
            if (priority < 1) {
                throw new LedgerException.Invalid("rows[" + r + "].priority must be 1 or more (1 is highest), was " + priority);
            }
            pattern(row.matchAccount() == null ? "" : row.matchAccount(), "rows[" + r + "].matchAccount");
            List<GeneratedEntry> generated = row.generated() == null ? List.of() : row.generated();
            for (int g = 0; g < generated.size(); g++) {
                GeneratedEntry e = Check.required(generated.get(g), "rows[" + r + "].generated[" + g + "]");
                String field = "rows[" + r + "].generated[" + g + "]";
                Check.required(e.account(), field + ".account");
                pattern(e.account(), field + ".account");
                if (e.account().replace("-", "").isBlank()) {
                    throw new LedgerException.Invalid(field + ".account " + InputRules.quote(e.account()) + " has no segment of its own");
                }
                Check.required(e.side(), field + ".side");
            }
        }
        return d;
    }

    /** A mask or generated pattern: up to 5 segments of 0 to 20 characters (blank = take or match anything). */
    private static void pattern(String value, String field) {
        String[] segments = value.split("-", -1);
        if (segments.length > PostingRules.MAX_SEGMENTS) {
            throw new LedgerException.Invalid(field + " " + InputRules.quote(value) + " has " + segments.length + " segments; an account has at most "
                    + PostingRules.MAX_SEGMENTS + " (fund-main-dept-purpose-...)");
        }
        for (String s : segments) {
            // a segment is blank (take or match anything) or written exactly: no padding, not only dots
            boolean blank = s.isBlank() && s.chars().allMatch(c -> c == ' ');
            if (!blank && (!SEGMENT.matcher(s).matches() || s.chars().allMatch(c -> c == '.'))) {
                throw new LedgerException.Invalid(field + " " + InputRules.quote(value) + " has an invalid segment " + InputRules.quote(s));
            }
        }
    }

    @EventSourcingHandler
    void on(PostingDefinitionRegistered e) {
        id = ID_PREFIX + e.definitionId();
        version = e.version();
        retired = false;
        transactionType = e.transactionType();
        fundClass = e.fundClass();
        rows = e.rows();
    }

    @EventSourcingHandler
    void on(PostingDefinitionRetired e) {
        retired = true;
    }
}
