package dk.platform.ledger.api;

/** The type of an account in the chart of accounts (SPEC §1.1). */
public enum AccountType {
    ASSET, LIABILITY, EQUITY, REVENUE, EXPENSE
}
