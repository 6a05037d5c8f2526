package dk.platform.ledger.infra.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.platform.ledger.api.event.JournalEntryPosted;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * JournalEntryPosted revision 1 (before posting definitions) had no {@code budgetLines}:
 * revision 2 reads it as an entry that records no budget amounts. Events are permanent, so the
 * old shape is upcast on every read rather than migrated.
 */
@Component
@Order(0)
public class JournalEntryPostedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(JournalEntryPosted.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(JournalEntryPosted.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ((ObjectNode) payload).putArray("budgetLines");
            return payload;
        });
    }
}
