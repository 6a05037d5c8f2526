package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import dk.platform.ledger.api.command.ItemLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A party's application method was chosen. */
@Revision("1")
public record PartyApplicationMethodSet(String party, ApplicationMethod applicationMethod) implements LedgerEvent {
}
