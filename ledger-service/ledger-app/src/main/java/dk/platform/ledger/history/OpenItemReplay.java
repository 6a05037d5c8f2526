package dk.platform.ledger.history;

import dk.platform.ledger.openitem.OpenItemFold;
import dk.platform.ledger.openitem.OpenItemView;

import java.util.Optional;

/**
 * One open item rebuilt in memory from its own aggregate's events, by the fold the open-item
 * projection runs ({@link OpenItemFold}).
 * {@code AsKnownAtIT} keeps the two equal: known at now, an item is what the live view shows.
 */
final class OpenItemReplay {

    private final String openItemId;
    private OpenItemView item;

    OpenItemReplay(String openItemId) {
        this.openItemId = openItemId;
    }

    /** Applies one event of the item's aggregate, in sequence order; events that do not change the item are ignored. */
    void apply(Object event) {
        if (item == null) {
            OpenItemView opened = OpenItemFold.opened(event);
            item = opened != null && opened.openItemId.equals(openItemId) ? opened : null;
        } else if (openItemId.equals(OpenItemFold.changed(event))) {
            OpenItemFold.apply(item, event);
        }
    }

    /** The item as the events so far describe it; empty while it was not registered. */
    Optional<OpenItemView> item() {
        return Optional.ofNullable(item);
    }
}
