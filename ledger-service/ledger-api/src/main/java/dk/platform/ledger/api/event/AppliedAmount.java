package dk.platform.ledger.api.event;

import dk.platform.ledger.api.Money;

/** An amount applied to an open item (in the item's own sign), optionally to one of its lines. */
public record AppliedAmount(String openItemId, String lineId, Money amount) {
}
