package dk.platform.settlement.statement;

/** The accounts a statement uses where it names none (configuration {@code settlement.accounts.*}). */
public record SettlementAccounts(String fees, String rejected, String difference) {

    public SettlementAccounts {
        Check.account(fees, "settlement.accounts.fees");
        Check.account(rejected, "settlement.accounts.rejected");
        Check.account(difference, "settlement.accounts.difference");
    }
}
