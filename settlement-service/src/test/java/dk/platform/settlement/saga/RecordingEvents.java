package dk.platform.settlement.saga;

import dk.platform.settlement.api.SettlementEvent;

import java.util.ArrayList;
import java.util.List;

/** What the saga published on settlement.events, for the tests' eyes. */
class RecordingEvents implements SettlementEvents {

    final List<SettlementEvent> published = new ArrayList<>();

    @Override
    public void publish(SettlementEvent event) {
        published.add(event);
    }
}
