package dk.platform.ledger.api.command;

import dk.platform.ledger.api.Money;

/** One line of an open item's breakdown, e.g. one practitioner (behandler) of a monthly insurer invoice. */
public record ItemLine(String lineId, String label, Money amount) {
}
