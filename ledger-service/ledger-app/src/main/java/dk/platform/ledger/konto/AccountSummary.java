package dk.platform.ledger.konto;

import dk.platform.ledger.api.AccountType;
import dk.platform.ledger.api.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.TreeMap;

/** An account of the konto view with its totals per month ({@code yyyy-MM}), for fast balances and trial balances. */
@Document("accounts")
public class AccountSummary {

    public static final String COLLECTION = "accounts";

    public record MonthTotals(Money debit, Money credit) {
    }

    @Id
    public String number;
    public String name;
    public AccountType type;
    public TreeMap<String, MonthTotals> months = new TreeMap<>();
}
