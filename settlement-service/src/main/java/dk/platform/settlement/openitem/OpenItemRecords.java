package dk.platform.settlement.openitem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dk.platform.ledger.api.EventEnvelope;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.OpenItemAllocated;
import dk.platform.ledger.api.event.OpenItemAllocationReleased;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.settlement.statement.OpenItem;
import dk.platform.support.JsonDocuments;
import dk.platform.support.kafka.ContractReader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The open items this service knows, built from ledger.events (registration, allocations and
 * their release, cancellation by reversal, a payment's unapplied rest) and read by the intake.
 * Each event is applied once: an event at or below the item's last sequence number is skipped.
 */
@Component
public class OpenItemRecords {

    private static final Logger log = LoggerFactory.getLogger(OpenItemRecords.class);
    static final String OPEN_ITEMS = "open_items";

    private final MongoTemplate mongo;
    private final JsonDocuments documents;
    private final ObjectMapper json;

    public OpenItemRecords(MongoTemplate mongo, JsonDocuments documents, ObjectMapper json) {
        this.mongo = mongo;
        this.documents = documents;
        // a tolerant reader: the ledger may add fields to its events
        this.json = ContractReader.tolerant(json);
    }

    public Optional<OpenItem> find(String openItemId) {
        return load(openItemId).map(OpenItemRecord::toOpenItem);
    }

    /** Applies one ledger event; any other event type is not about open items and is ignored. */
    public void apply(EventEnvelope e) throws JsonProcessingException {
        switch (e.type()) {
            case "OpenItemRegistered" -> registered(json.treeToValue(e.payload(), OpenItemRegistered.class), e.sequenceNumber());
            case "OpenItemAllocated" -> {
                OpenItemAllocated a = json.treeToValue(e.payload(), OpenItemAllocated.class);
                change(a.openItemId(), e.sequenceNumber(), r -> r.changed(a.remaining(), a.lineId(), a.amount().negate(), e.sequenceNumber()));
            }
            case "OpenItemAllocationReleased" -> {
                OpenItemAllocationReleased a = json.treeToValue(e.payload(), OpenItemAllocationReleased.class);
                change(a.openItemId(), e.sequenceNumber(), r -> r.changed(a.remaining(), a.lineId(), a.amount(), e.sequenceNumber()));
            }
            case "EntryReversed" -> {
                EntryReversed r = json.treeToValue(e.payload(), EntryReversed.class);
                if (r.openItemCancelled()) {
                    change(r.entryId(), e.sequenceNumber(), item -> item.cancelled(e.sequenceNumber()));
                }
            }
            case "PaymentApplied" -> {
                PaymentApplied p = json.treeToValue(e.payload(), PaymentApplied.class);
                if (p.unapplied() != null && !p.unapplied().isZero()) {
                    Money credit = p.unapplied().negate();
                    insert(new OpenItemRecord(p.paymentId(), p.kind(), p.party(), credit, credit, false, null, e.sequenceNumber()));
                }
            }
            default -> {
                // not about open items
            }
        }
    }

    private void registered(OpenItemRegistered r, long sequence) {
        insert(new OpenItemRecord(r.openItemId(), r.kind(), r.party(), r.amount(), r.amount(), false,
                r.itemLines() == null ? null : r.itemLines().stream()
                        .map(l -> new OpenItemRecord.Line(l.lineId(), l.amount(), l.amount())).toList(),
                sequence));
    }

    private void insert(OpenItemRecord record) {
        if (load(record.openItemId()).isEmpty()) {
            save(record);
        }
    }

    private void change(String openItemId, long sequence, java.util.function.UnaryOperator<OpenItemRecord> change) {
        Optional<OpenItemRecord> record = load(openItemId);
        if (record.isEmpty()) {
            log.warn("event {} of open item {} arrived but its registration never did; ignored", sequence, openItemId);
            return;
        }
        if (sequence > record.get().lastSequence()) {
            save(change.apply(record.get()));
        }
    }

    private Optional<OpenItemRecord> load(String openItemId) {
        Document document = items().find(Filters.eq("_id", openItemId)).first();
        return Optional.ofNullable(document).map(d -> documents.fromDocument(d, OpenItemRecord.class));
    }

    private void save(OpenItemRecord record) {
        items().replaceOne(Filters.eq("_id", record.openItemId()), documents.toDocument(record.openItemId(), record),
                new ReplaceOptions().upsert(true));
    }

    private MongoCollection<Document> items() {
        return mongo.getCollection(OPEN_ITEMS);
    }
}
