package dk.platform.ledger.api;

/** Which lines a posting-definition row looks at (SPEC §2): by the type of the line's account. */
public enum AccountStructure {
    EXPENSE, REVENUE, BALANCE, ANY;

    /** EXPENSE and REVENUE accounts are their own structure; ASSET, LIABILITY and EQUITY are BALANCE. */
    public static AccountStructure of(AccountType type) {
        return switch (type) {
            case EXPENSE -> EXPENSE;
            case REVENUE -> REVENUE;
            case ASSET, LIABILITY, EQUITY -> BALANCE;
        };
    }

    public boolean selects(AccountType type) {
        return this == ANY || this == of(type);
    }
}
