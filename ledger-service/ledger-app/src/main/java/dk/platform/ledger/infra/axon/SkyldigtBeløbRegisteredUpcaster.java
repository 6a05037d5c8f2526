package dk.platform.ledger.infra.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.platform.ledger.api.event.SkyldigtBeløbRegistered;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * SkyldigtBeløbRegistered revision 1 (before debts belonged to an employer) had no {@code employerId}:
 * revision 2 reads such a debt as employer {@value SkyldigtBeløbRegistered#DEFAULT_EMPLOYER}'s (SPEC §5,
 * documented in the README), so the 61.50 view, its summary and replays keep every old debt.
 */
@Component
@Order(1)
public class SkyldigtBeløbRegisteredUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(SkyldigtBeløbRegistered.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(SkyldigtBeløbRegistered.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ((ObjectNode) payload).put("employerId", SkyldigtBeløbRegistered.DEFAULT_EMPLOYER);
            return payload;
        });
    }
}
