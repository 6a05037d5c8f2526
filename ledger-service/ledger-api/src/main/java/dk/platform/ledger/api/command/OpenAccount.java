package dk.platform.ledger.api.command;

import dk.platform.ledger.api.*;
import java.time.LocalDate;
import java.util.List;

/** Adds an account to the chart of accounts (kontoplan). */
public record OpenAccount(String number, String name, AccountType type) {
}
