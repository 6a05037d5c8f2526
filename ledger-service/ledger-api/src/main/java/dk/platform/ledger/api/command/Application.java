package dk.platform.ledger.api.command;

import dk.platform.ledger.api.Money;

/** Apply {@code amount} (missing: the maximum, i.e. what remains) to an item, optionally one of its lines. */
public record Application(String openItemId, String lineId, Money amount) {
}
