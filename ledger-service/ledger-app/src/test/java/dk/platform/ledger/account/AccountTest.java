package dk.platform.ledger.account;

import dk.platform.ledger.api.AccountType;
import dk.platform.ledger.api.command.OpenAccount;
import dk.platform.ledger.api.event.AccountOpened;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §1.1: an account may be opened as a control account (samlekonto). */
class AccountTest {

    AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    @Test
    void anAccountOpenedAsAControlAccountSaysSo() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccount("1100", "Debitorer", AccountType.ASSET, true))
                .expectEvents(new AccountOpened("1100", "Debitorer", AccountType.ASSET, true));
    }

    @Test
    void anOrdinaryAccountLeavesControlAccountOutOfItsEvent() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccount("5820", "Bank", AccountType.ASSET, false))
                .expectEvents(new AccountOpened("5820", "Bank", AccountType.ASSET));
    }
}
