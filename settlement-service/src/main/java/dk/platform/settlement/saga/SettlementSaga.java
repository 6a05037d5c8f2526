package dk.platform.settlement.saga;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dk.platform.ledger.api.LedgerCommandResult;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.ledger.api.event.WriteOffBooked;
import dk.platform.settlement.api.ClaimRejected;
import dk.platform.settlement.api.StatementFailed;
import dk.platform.settlement.api.StatementSettled;
import dk.platform.settlement.statement.SettlementPlan;
import dk.platform.settlement.statement.SettlementPlan.PlannedWriteOff;
import dk.platform.settlement.statement.SettlementPlan.Purpose;
import dk.platform.settlement.statement.StatementStatus;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.saga.SagaLifecycle.associateWith;
import static org.axonframework.modelling.saga.SagaLifecycle.end;

/**
 * One insurer statement on its way through the ledger (SPEC §3): every write-off first, then,
 * once the ledger has confirmed them all, the bank; a refusal anywhere reverses what this
 * statement posted and ends FAILED.
 * <p>
 * It acts only on messages: {@link StatementPlanned} starts it; the ledger's answers
 * ({@link LedgerCommandResult} on ledger.command-results) and events (WriteOffBooked,
 * PaymentApplied, EntryReversed on ledger.events) move it on, whichever comes first, and a
 * repeated one changes nothing. Every command id is derived from the statement id, so sending a
 * step again (after a redelivery, a restart, or {@link StatementStalled}) never posts twice. Its
 * state is stored (MongoDB) after each message; it keeps only ids and answers, never amounts
 * it would have to add up again.
 */
@Saga
@ProcessingGroup(SettlementSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE)
public class SettlementSaga {

    public static final String PROCESSING_GROUP = "settlement-saga";
    public static final String STATEMENT_ID = "statementId";
    static final String COMMAND_ID = "commandId";
    /** Metadata of a command sent on behalf of the user who submitted the statement. */
    public static final String ON_BEHALF_OF = "onBehalfOf";

    enum Stage { WRITING_OFF, PAYING, COMPENSATING }

    private SettlementPlan plan;
    private Stage stage;
    /** The ledger's verdict per command id; absent while none has come. */
    private Map<String, LedgerCommandResult.Status> answers = new LinkedHashMap<>();
    /** Every command id sent, in order, once. */
    private List<String> sent = new ArrayList<>();
    private String failure;
    /** Who submitted the statement; its commands go to the ledger on their behalf. */
    private String submittedBy;

    @Inject
    private transient CommandGateway commands;
    @Inject
    private transient SettlementProgress progress;
    @Inject
    private transient SettlementEvents events;

    @StartSaga
    @SagaEventHandler(associationProperty = STATEMENT_ID)
    void on(StatementPlanned planned) {
        if (plan != null) {
            return; // already under way: a repeated start posts nothing
        }
        plan = planned.plan();
        submittedBy = planned.submittedBy();
        stage = Stage.WRITING_OFF;
        for (PlannedWriteOff w : plan.writeOffs()) {
            associateWith("writeOffId", w.writeOffId());
            associateWith(COMMAND_ID, w.writeOffId());
        }
        associateWith("paymentId", plan.payment().paymentId());
        associateWith(COMMAND_ID, plan.payment().paymentId());
        progress.statusChanged(plan.statementId(), StatementStatus.POSTING, null);
        plan.writeOffs().forEach(w -> send(w.writeOffId()));
        proceed();
    }

    @SagaEventHandler(associationProperty = STATEMENT_ID)
    void on(StatementStalled stalled) {
        sent.stream().filter(id -> !answers.containsKey(id)).toList().forEach(this::send);
    }

    @SagaEventHandler(associationProperty = "writeOffId")
    void on(WriteOffBooked booked) {
        accepted(LedgerCommandResult.accepted(booked.writeOffId(), null));
    }

    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentApplied payment) {
        accepted(LedgerCommandResult.accepted(payment.paymentId(), null));
    }

    @SagaEventHandler(associationProperty = "reversalId")
    void on(EntryReversed reversed) {
        accepted(LedgerCommandResult.accepted(reversed.reversalId(), null));
    }

    @SagaEventHandler(associationProperty = COMMAND_ID)
    void on(LedgerCommandResult result) {
        if (result.status() == LedgerCommandResult.Status.ACCEPTED) {
            accepted(result);
        } else {
            rejected(result);
        }
    }

    private void accepted(LedgerCommandResult answer) {
        LedgerCommandResult.Status before = answers.put(answer.commandId(), LedgerCommandResult.Status.ACCEPTED);
        if (before != LedgerCommandResult.Status.ACCEPTED || answer.outcome() != null) {
            progress.commandAnswered(plan.statementId(), answer);
        }
        if (before != LedgerCommandResult.Status.ACCEPTED) {
            proceed();
        }
    }

    private void rejected(LedgerCommandResult answer) {
        String id = answer.commandId();
        if (answers.containsKey(id)) {
            return; // an ACCEPTED stands (it posted); a repeated REJECTED changes nothing
        }
        answers.put(id, LedgerCommandResult.Status.REJECTED);
        progress.commandAnswered(plan.statementId(), answer);
        String why = describe(id) + " was rejected by the ledger (" + answer.errorStatus() + "): " + answer.error();
        if (failure == null) {
            failure = why;
            stage = Stage.COMPENSATING;
            progress.statusChanged(plan.statementId(), StatementStatus.POSTING, failure + "; reversing what was posted");
        } else {
            failure = failure + "; also " + why + (isReversal(id) ? " (that posting stays: correct it by hand)" : "");
        }
        proceed();
    }

    /** Takes every step the answers so far allow. */
    private void proceed() {
        if (stage == Stage.WRITING_OFF && plan.writeOffs().stream().allMatch(w -> isAccepted(w.writeOffId()))) {
            stage = Stage.PAYING;
            send(plan.payment().paymentId());
        }
        if (stage == Stage.PAYING && isAccepted(plan.payment().paymentId())) {
            settle();
        }
        if (stage == Stage.COMPENSATING) {
            for (String posting : plan.postingIds()) {
                String reversal = SettlementPlan.reversalId(posting);
                if (isAccepted(posting) && !sent.contains(reversal)) {
                    associateWith("reversalId", reversal);
                    associateWith(COMMAND_ID, reversal);
                    send(reversal);
                }
            }
            if (sent.stream().allMatch(answers::containsKey)) {
                fail();
            }
        }
    }

    private void settle() {
        for (PlannedWriteOff w : plan.writeOffs()) {
            if (w.purpose() == Purpose.REJECTED_BILL) {
                events.publish(new ClaimRejected(plan.statementId(), plan.openItemId(), w.lineId(), w.reference(), w.amount()));
            }
        }
        events.publish(new StatementSettled(plan.statementId(), plan.openItemId(), plan.party(), plan.settlementDate(),
                plan.payment().amount(), plan.payment().paymentId(),
                plan.writeOffs().stream().map(PlannedWriteOff::writeOffId).toList()));
        progress.statusChanged(plan.statementId(), StatementStatus.SETTLED, null);
        end();
    }

    private void fail() {
        List<String> reversed = sent.stream().filter(id -> isReversal(id) && isAccepted(id)).toList();
        events.publish(new StatementFailed(plan.statementId(), plan.openItemId(), plan.party(), failure, reversed));
        progress.statusChanged(plan.statementId(), StatementStatus.FAILED, failure
                + (reversed.isEmpty() ? "; nothing had been posted" : "; reversed " + String.join(", ", reversed)));
        end();
    }

    private void send(String commandId) {
        Object command = commandFor(commandId);
        if (!sent.contains(commandId)) {
            sent.add(commandId);
        }
        progress.commandSent(plan.statementId(), commandId, command.getClass().getSimpleName());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(submittedBy == null ? Map.of(STATEMENT_ID, plan.statementId())
                        : Map.of(STATEMENT_ID, plan.statementId(), ON_BEHALF_OF, submittedBy)));
    }

    private Object commandFor(String commandId) {
        if (commandId.equals(plan.payment().paymentId())) {
            return plan.paymentCommand();
        }
        return plan.writeOff(commandId).<Object>map(plan::writeOffCommand)
                .orElseGet(() -> plan.reversalCommand(reversedBy(commandId)));
    }

    private String reversedBy(String reversalId) {
        return plan.postingIds().stream().filter(id -> SettlementPlan.reversalId(id).equals(reversalId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("command " + reversalId + " is not part of statement "
                        + plan.statementId()));
    }

    private boolean isReversal(String commandId) {
        return !plan.postingIds().contains(commandId);
    }

    private boolean isAccepted(String commandId) {
        return answers.get(commandId) == LedgerCommandResult.Status.ACCEPTED;
    }

    private String describe(String commandId) {
        if (commandId.equals(plan.payment().paymentId())) {
            return "ApplyPayment " + commandId;
        }
        return (isReversal(commandId) ? "ReverseEntry " : "BookWriteOff ") + commandId;
    }
}
