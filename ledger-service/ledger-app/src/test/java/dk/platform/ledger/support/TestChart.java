package dk.platform.ledger.support;

import dk.platform.ledger.api.AccountType;
import dk.platform.ledger.api.command.OpenAccount;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart of accounts the ledger's integration tests share. Test classes share one Spring
 * context and so one ledger: an account opened twice under two names would be a 409.
 */
public final class TestChart {

    public static final List<OpenAccount> ACCOUNTS = List.of(
            new OpenAccount("1010", "Omsætning sygesikring", AccountType.REVENUE),
            new OpenAccount("1100", "Debitorer", AccountType.ASSET),
            new OpenAccount("1190", "Ej afregnet sygesikring", AccountType.ASSET),
            new OpenAccount("2400", "Kreditorer", AccountType.LIABILITY),
            new OpenAccount("3090", "Difference sygesikring", AccountType.REVENUE),
            new OpenAccount("5820", "Bank", AccountType.ASSET),
            new OpenAccount("6100", "Husleje", AccountType.EXPENSE),
            new OpenAccount("7250", "Fondsbidrag", AccountType.EXPENSE),
            new OpenAccount("61.50", "Skyldige beløb", AccountType.ASSET),
            new OpenAccount("22.91", "Afskrevne skyldige beløb", AccountType.EXPENSE),
            new OpenAccount("0000000170", "Lønfordeling modpost", AccountType.LIABILITY));

    private TestChart() {
    }

    /** Opens every account through the REST API (201 the first time, 200 after). */
    public static void open(Api api) {
        for (OpenAccount a : ACCOUNTS) {
            int status = api.post("/api/accounts", Api.json("{'number':'" + a.number() + "','name':'" + a.name()
                    + "','type':'" + a.type() + "'}")).status();
            assertThat(status).as("opening account %s", a.number()).isIn(200, 201);
        }
    }
}
