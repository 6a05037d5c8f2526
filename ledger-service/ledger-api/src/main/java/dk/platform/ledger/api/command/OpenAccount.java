package dk.platform.ledger.api.command;

import dk.platform.ledger.api.*;

/**
 * Adds an account to the chart of accounts (kontoplan). {@code controlAccount: true} makes it a
 * control account (samlekonto) from the start: only open items post to it (SPEC §1.1).
 */
public record OpenAccount(String number, String name, AccountType type, Boolean controlAccount) {

    public OpenAccount(String number, String name, AccountType type) {
        this(number, name, type, null);
    }
}
