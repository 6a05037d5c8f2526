package dk.platform.ledger.entry;

import dk.platform.ledger.definition.DefinitionRules;

/**
 * The answer to a preview: a write-off, payment or application sent with {@link #METADATA} runs its
 * handler and every rule up to the entry it would post, then throws this, so its unit of work
 * (allocations, look-ups, the command log) rolls back and nothing is posted.
 */
public final class DryRun extends RuntimeException {

    /** The command metadata key that asks for a preview. */
    public static final String METADATA = "preview";

    private final String transactionType;
    private final transient DefinitionRules.Posting posting;

    DryRun(String transactionType, DefinitionRules.Posting posting) {
        super("preview of a " + transactionType + " entry; nothing was posted", null, false, false);
        this.transactionType = transactionType;
        this.posting = posting;
    }

    public String transactionType() {
        return transactionType;
    }

    public DefinitionRules.Posting posting() {
        return posting;
    }
}
