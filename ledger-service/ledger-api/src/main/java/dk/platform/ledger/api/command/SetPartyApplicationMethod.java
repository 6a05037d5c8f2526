package dk.platform.ledger.api.command;

import dk.platform.ledger.api.*;
import java.time.LocalDate;
import java.util.List;

/** Chooses how payments without applications are applied for a party: SALDO (oldest due first) or MANUAL. */
public record SetPartyApplicationMethod(String party, ApplicationMethod applicationMethod) {
}
