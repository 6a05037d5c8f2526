package dk.platform.ledger.debt;

/** The accounts of SPEC §5: employee debts (61.50) and their write-offs (22.91); configurable as ledger.debts.account / .write-off-account. */
public record DebtAccounts(String debtAccount, String writeOffAccount) {
}
