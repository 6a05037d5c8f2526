package dk.platform.ledger.api.command;

import dk.platform.ledger.api.*;
import java.time.LocalDate;
import java.util.List;

/** Undoes one application of items to each other (fortryd udligning), as of postingDate (missing: today). */
public record UnapplyEntries(String applicationId, LocalDate postingDate) {
}
