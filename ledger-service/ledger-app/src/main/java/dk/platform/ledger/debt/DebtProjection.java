package dk.platform.ledger.debt;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.event.SkyldigtBeløbOffset;
import dk.platform.ledger.api.event.SkyldigtBeløbPaid;
import dk.platform.ledger.api.event.SkyldigtBeløbRegistered;
import dk.platform.ledger.api.event.SkyldigtBeløbWrittenOff;
import dk.platform.ledger.infra.mongo.ViewCollections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Builds the 61.50 view; a debt's events come from its own aggregate, so its sequence number makes each handler idempotent.
 * The Spring bean writes the live generation; a rebuild makes another instance for a new one ({@link DebtViewAdmin}).
 */
@Component
@ProcessingGroup(DebtProjection.NAME)
class DebtProjection {

    static final String NAME = "debts";
    static final String BY_EMPLOYEE = "debts_by_employee";

    private final MongoTemplate mongo;
    private final IntSupplier generation;

    @Autowired
    DebtProjection(MongoTemplate mongo, ViewCollections views) {
        this(mongo, () -> views.live(NAME));
    }

    DebtProjection(MongoTemplate mongo, IntSupplier generation) {
        this.mongo = mongo;
        this.generation = generation;
    }

    @EventHandler
    void on(SkyldigtBeløbRegistered e) {
        String debts = in(DebtView.COLLECTION);
        if (mongo.findById(e.debtId(), DebtView.class, debts) == null) {
            DebtView v = new DebtView();
            v.debtId = e.debtId();
            v.employerId = e.employerId();
            v.employeeNo = e.employeeNo();
            v.kind = e.kind();
            v.payrollRunId = e.payrollRunId();
            v.postingDate = e.postingDate();
            v.arisen = e.amount();
            v.outstanding = e.amount();
            v.history.add(new DebtView.HistoryEntry("SkyldigtBeløbRegistered", e.debtId(), e.postingDate(), e.amount(), e.payrollRunId()));
            v.updateWarnings();
            mongo.save(v, debts);
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(DebtView.employeeKey(e.employerId(), e.employeeNo()))),
                new Update().set("employerId", e.employerId()).set("employeeNo", e.employeeNo()).addToSet("debtIds", e.debtId()),
                in(BY_EMPLOYEE));
    }

    @EventHandler
    void on(SkyldigtBeløbOffset e, @SequenceNumber long sequence) {
        change(e.debtId(), sequence, "SkyldigtBeløbOffset", e.offsetId(), e.postingDate(), e.amount(), e.payrollRunId(), e.outstanding(),
                v -> v.offset = v.offset.plus(e.amount()));
    }

    @EventHandler
    void on(SkyldigtBeløbPaid e, @SequenceNumber long sequence) {
        change(e.debtId(), sequence, "SkyldigtBeløbPaid", e.paymentId(), e.postingDate(), e.amount(), null, e.outstanding(),
                v -> v.paid = v.paid.plus(e.amount()));
    }

    @EventHandler
    void on(SkyldigtBeløbWrittenOff e, @SequenceNumber long sequence) {
        change(e.debtId(), sequence, "SkyldigtBeløbWrittenOff", e.writeOffId(), e.postingDate(), e.amount(), null, e.outstanding(),
                v -> v.writtenOff = v.writtenOff.plus(e.amount()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(in(DebtView.COLLECTION));
        mongo.dropCollection(in(BY_EMPLOYEE));
    }

    private String in(String collection) {
        return ViewCollections.name(collection, generation.getAsInt());
    }

    private void change(String debtId, long sequence, String type, String id, LocalDate date, Money amount, String runId,
                        Money outstanding, Consumer<DebtView> change) {
        String debts = in(DebtView.COLLECTION);
        DebtView v = mongo.findById(debtId, DebtView.class, debts);
        if (v == null || v.lastSequence >= sequence) {
            return;
        }
        change.accept(v);
        v.outstanding = outstanding;
        v.history.add(new DebtView.HistoryEntry(type, id, date, amount, runId));
        v.lastSequence = sequence;
        v.updateWarnings();
        mongo.save(v, debts);
    }
}
