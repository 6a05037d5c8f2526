package dk.platform.ledger.debt;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.event.SkyldigtBeløbOffset;
import dk.platform.ledger.api.event.SkyldigtBeløbPaid;
import dk.platform.ledger.api.event.SkyldigtBeløbRegistered;
import dk.platform.ledger.api.event.SkyldigtBeløbWrittenOff;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.function.Consumer;

/** Builds the 61.50 view; a debt's events come from its own aggregate, so its sequence number makes each handler idempotent. */
@Component
@ProcessingGroup(DebtProjection.NAME)
class DebtProjection {

    static final String NAME = "debts";
    static final String BY_EMPLOYEE = "debts_by_employee";

    private final MongoTemplate mongo;

    DebtProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(SkyldigtBeløbRegistered e) {
        if (mongo.findById(e.debtId(), DebtView.class) == null) {
            DebtView v = new DebtView();
            v.debtId = e.debtId();
            v.employeeNo = e.employeeNo();
            v.kind = e.kind();
            v.payrollRunId = e.payrollRunId();
            v.postingDate = e.postingDate();
            v.arisen = e.amount();
            v.outstanding = e.amount();
            v.history.add(new DebtView.HistoryEntry("SkyldigtBeløbRegistered", e.debtId(), e.postingDate(), e.amount(), e.payrollRunId()));
            v.updateWarnings();
            mongo.save(v);
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(e.employeeNo())), new Update().addToSet("debtIds", e.debtId()), BY_EMPLOYEE);
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
        mongo.dropCollection(DebtView.class);
        mongo.dropCollection(BY_EMPLOYEE);
    }

    private void change(String debtId, long sequence, String type, String id, LocalDate date, Money amount, String runId,
                        Money outstanding, Consumer<DebtView> change) {
        DebtView v = mongo.findById(debtId, DebtView.class);
        if (v == null || v.lastSequence >= sequence) {
            return;
        }
        change.accept(v);
        v.outstanding = outstanding;
        v.history.add(new DebtView.HistoryEntry(type, id, date, amount, runId));
        v.lastSequence = sequence;
        v.updateWarnings();
        mongo.save(v);
    }
}
