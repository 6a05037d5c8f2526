package dk.platform.settlement.saga;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.LedgerCommandResult;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.OpenItemKind;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.ledger.api.event.WriteOffBooked;
import dk.platform.settlement.api.ClaimRejected;
import dk.platform.settlement.api.StatementFailed;
import dk.platform.settlement.api.StatementSettled;
import dk.platform.settlement.statement.SettlementPlan;
import dk.platform.settlement.statement.StatementStatus;
import dk.platform.settlement.support.WorkedExample;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.saga.ResourceInjector;
import org.axonframework.modelling.saga.SimpleResourceInjector;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settlement saga through Axon's SagaTestFixture, on SPEC §3's worked example: statement
 * RH-2026-04 writes off RH-2026-04-fee-1, -fee-2, -rej-R-1007 and -diff, then pays RH-2026-04-bank.
 */
class SettlementSagaTest {

    static final String ID = "RH-2026-04";
    static final SettlementPlan PLAN = WorkedExample.plan(ID);
    static final String FEE_1 = ID + "-fee-1";
    static final String FEE_2 = ID + "-fee-2";
    static final String REJECTED = ID + "-rej-R-1007";
    static final String DIFF = ID + "-diff";
    static final String BANK = ID + "-bank";
    static final List<String> WRITE_OFFS = List.of(FEE_1, FEE_2, REJECTED, DIFF);

    SagaTestFixture<SettlementSaga> fixture;
    RecordingProgress progress;
    RecordingEvents events;
    Object lastSaga;

    @BeforeEach
    void fixture() {
        fixture = new SagaTestFixture<>(SettlementSaga.class);
        progress = new RecordingProgress();
        events = new RecordingEvents();
        DefaultCommandGateway gateway = DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build();
        ResourceInjector resources = new SimpleResourceInjector(progress, events, gateway);
        // injects as Spring does, and keeps the saga instance so a test can look at its stored form
        fixture.registerResourceInjector(saga -> {
            resources.injectResources(saga);
            lastSaga = saga;
        });
    }

    @Test
    void theCommandsGoOnBehalfOfWhoeverSubmittedTheStatement() {
        fixture.givenNoPriorActivity().whenPublishingA(new StatementPlanned(ID, PLAN, "clerk-7"));
        assertThat(fixture.getCommandBus().getDispatchedCommands()).hasSize(WRITE_OFFS.size())
                .allSatisfy(c -> assertThat(c.getMetaData()).containsEntry(SettlementSaga.ON_BEHALF_OF, "clerk-7"));
    }

    @Test
    void aPlannedStatementSendsEveryWriteOffButNotYetTheBank() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(planned())
                .expectActiveSagas(1)
                .expectAssociationWith("statementId", ID)
                .expectAssociationWith("writeOffId", REJECTED)
                .expectAssociationWith("commandId", BANK)
                .expectDispatchedCommands(writeOff(FEE_1), writeOff(FEE_2), writeOff(REJECTED), writeOff(DIFF));
        assertThat(progress.status).isEqualTo(StatementStatus.POSTING);
        assertThat(progress.sent).containsExactlyElementsOf(WRITE_OFFS);
    }

    @Test
    void theBankIsSentOnlyWhenEveryWriteOffIsConfirmedByItsEventOrItsAnswer() {
        fixture.givenAPublished(planned())
                .andThenAPublished(booked(FEE_1))
                .andThenAPublished(accepted(FEE_2))
                .andThenAPublished(booked(REJECTED))
                .whenPublishingA(accepted(DIFF))
                .expectDispatchedCommands(PLAN.paymentCommand())
                .expectActiveSagas(1);
    }

    @Test
    void whileAWriteOffIsUnconfirmedNothingMoreIsSent() {
        fixture.givenAPublished(planned())
                .andThenAPublished(booked(FEE_1))
                .andThenAPublished(booked(FEE_2))
                .whenPublishingA(booked(REJECTED))
                .expectNoDispatchedCommands();
    }

    @Test
    void theConfirmedBankSettlesAnnouncesTheRejectedClaimAndEnds() {
        allWriteOffsBooked()
                .whenPublishingA(paid())
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
        assertThat(progress.status).isEqualTo(StatementStatus.SETTLED);
        assertThat(events.published).containsExactly(
                new ClaimRejected(ID, WorkedExample.ITEM, "practitioner-B", "R-1007", Money.of("850.00")),
                new StatementSettled(ID, WorkedExample.ITEM, WorkedExample.PARTY, WorkedExample.DATE, Money.of("46852.75"), BANK,
                        WRITE_OFFS));
    }

    @Test
    void aWriteOffRefusedByTheLedgerReversesTheConfirmedOnesAndWaitsForTheOthers() {
        fixture.givenAPublished(planned())
                .andThenAPublished(booked(FEE_1))
                .andThenAPublished(booked(FEE_2))
                .whenPublishingA(refused(REJECTED, "account 1190 does not exist"))
                .expectDispatchedCommands(PLAN.reversalCommand(FEE_1), PLAN.reversalCommand(FEE_2))
                .expectActiveSagas(1);
        assertThat(progress.status).isEqualTo(StatementStatus.POSTING);
        assertThat(progress.reason).contains("BookWriteOff " + REJECTED + " was rejected by the ledger (422): account 1190 does not exist");
    }

    @Test
    void aWriteOffConfirmedAfterAnotherWasRefusedIsReversedTooAndThenTheStatementFails() {
        fixture.givenAPublished(planned())
                .andThenAPublished(booked(FEE_1))
                .andThenAPublished(booked(FEE_2))
                .andThenAPublished(refused(REJECTED, "account 1190 does not exist"))
                .andThenAPublished(reversed(FEE_1))
                .andThenAPublished(accepted(SettlementPlan.reversalId(FEE_2)))
                .whenPublishingA(booked(DIFF))
                .expectDispatchedCommands(PLAN.reversalCommand(DIFF))
                .expectActiveSagas(1);
        fixture.givenAPublished(planned())
                .andThenAPublished(booked(FEE_1))
                .andThenAPublished(booked(FEE_2))
                .andThenAPublished(refused(REJECTED, "account 1190 does not exist"))
                .andThenAPublished(reversed(FEE_1))
                .andThenAPublished(accepted(SettlementPlan.reversalId(FEE_2)))
                .andThenAPublished(booked(DIFF))
                .whenPublishingA(reversed(DIFF))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
        assertThat(progress.status).isEqualTo(StatementStatus.FAILED);
        assertThat(progress.reason).contains("was rejected by the ledger", "reversed " + FEE_1 + "-rev, " + FEE_2 + "-rev, " + DIFF + "-rev");
        assertThat(events.published).containsExactly(new StatementFailed(ID, WorkedExample.ITEM, WorkedExample.PARTY,
                "BookWriteOff " + REJECTED + " was rejected by the ledger (422): account 1190 does not exist",
                List.of(FEE_1 + "-rev", FEE_2 + "-rev", DIFF + "-rev")));
    }

    @Test
    void aRefusedPaymentReversesEveryWriteOffAndFails() {
        allWriteOffsBooked()
                .whenPublishingA(refused(BANK, "cannot apply 46852.75 to open item SS-2026-03: only 46852.70 remains"))
                .expectDispatchedCommands(PLAN.reversalCommand(FEE_1), PLAN.reversalCommand(FEE_2), PLAN.reversalCommand(REJECTED),
                        PLAN.reversalCommand(DIFF));
        assertThat(events.published).isEmpty();
    }

    @Test
    void whenNothingWasPostedARefusalFailsAtOnce() {
        fixture.givenAPublished(planned())
                .andThenAPublished(refused(FEE_1, "x"))
                .andThenAPublished(refused(FEE_2, "x"))
                .andThenAPublished(refused(REJECTED, "x"))
                .whenPublishingA(refused(DIFF, "x"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
        assertThat(progress.status).isEqualTo(StatementStatus.FAILED);
        assertThat(progress.reason).endsWith("nothing had been posted");
    }

    @Test
    void aRefusedReversalEndsFailedNamingThePostingThatStays() {
        fixture.givenAPublished(planned())
                .andThenAPublished(booked(FEE_1))
                .andThenAPublished(refused(FEE_2, "x"))
                .andThenAPublished(refused(REJECTED, "x"))
                .andThenAPublished(refused(DIFF, "x"))
                .whenPublishingA(refused(SettlementPlan.reversalId(FEE_1), "entry " + FEE_1 + " is already reversed"))
                .expectActiveSagas(0);
        assertThat(progress.status).isEqualTo(StatementStatus.FAILED);
        assertThat(progress.reason).contains("ReverseEntry " + FEE_1 + "-rev was rejected", "correct it by hand");
    }

    @Test
    void aSecondStartOfTheSameStatementPostsNothing() {
        fixture.givenAPublished(planned())
                .whenPublishingA(planned())
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void redeliveredEventsAndRepeatedAnswersChangeNothing() {
        fixture.givenAPublished(planned())
                .andThenAPublished(booked(FEE_1))
                .andThenAPublished(booked(FEE_1))
                .andThenAPublished(accepted(FEE_1))
                .andThenAPublished(booked(FEE_2))
                .andThenAPublished(booked(REJECTED))
                .andThenAPublished(booked(DIFF))
                .whenPublishingA(booked(DIFF))
                .expectNoDispatchedCommands();
        allWriteOffsBooked()
                .andThenAPublished(paid())
                .whenPublishingA(accepted(BANK))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void aRefusalOfARepeatDoesNotUndoAConfirmedPosting() {
        fixture.givenAPublished(planned())
                .andThenAPublished(booked(FEE_1))
                .whenPublishingA(refused(FEE_1, "id already used"))
                .expectNoDispatchedCommands();
        assertThat(progress.reason).isNull();
    }

    @Test
    void aStalledStatementSendsOnlyItsUnansweredCommandsAgain() {
        fixture.givenAPublished(planned())
                .andThenAPublished(booked(FEE_1))
                .andThenAPublished(accepted(REJECTED))
                .whenPublishingA(new StatementStalled(ID))
                .expectDispatchedCommands(writeOff(FEE_2), writeOff(DIFF));
    }

    @Test
    void aStatementWithNothingToWriteOffGoesStraightToTheBank() {
        SettlementPlan bankOnly = new SettlementPlan("RH-X", WorkedExample.ITEM, WorkedExample.PARTY, WorkedExample.DATE, List.of(),
                new SettlementPlan.PlannedPayment("RH-X-bank", "5820", Money.of("48250.00"), "Afregning sygesikring RH-X"));
        fixture.givenNoPriorActivity()
                .whenPublishingA(new StatementPlanned("RH-X", bankOnly, null))
                .expectDispatchedCommands(bankOnly.paymentCommand());
    }

    /**
     * A restart in the middle: the saga's state goes to MongoDB after every message (Jackson, as
     * configured in the app) and comes back from there for the next. Stopped after two write-offs,
     * the stored form reads back to the same state, and the rest of the messages finish the job.
     */
    @Test
    void aRestartInTheMiddleLosesNothing() {
        fixture.givenAPublished(planned())
                .andThenAPublished(booked(FEE_1))
                .andThenAPublished(refused(SettlementPlan.reversalId("unrelated"), "noise"))
                .andThenAPublished(booked(FEE_2));
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(appObjectMapper()).build();
        SerializedObject<String> stored = serializer.serialize(lastSaga, String.class);
        Object restored = serializer.deserialize(stored);
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(stored.getData());
        assertThat(stored.getData()).contains("\"stage\":\"WRITING_OFF\"", FEE_2, "\"46852.75\"", "\"2026-04-20\"").doesNotContain("progress", "commands\":{");

        fixture.givenAPublished(planned())
                .andThenAPublished(booked(FEE_1))
                .andThenAPublished(booked(FEE_2))
                .andThenAPublished(booked(REJECTED))
                .andThenAPublished(booked(DIFF))
                .whenPublishingA(paid())
                .expectActiveSagas(0);
        assertThat(progress.status).isEqualTo(StatementStatus.SETTLED);
    }

    // ------------------------------------------------------------------ messages

    private org.axonframework.test.saga.ContinuedGivenState allWriteOffsBooked() {
        return fixture.givenAPublished(planned())
                .andThenAPublished(booked(FEE_1))
                .andThenAPublished(booked(FEE_2))
                .andThenAPublished(booked(REJECTED))
                .andThenAPublished(booked(DIFF));
    }

    static StatementPlanned planned() {
        return new StatementPlanned(ID, PLAN, null);
    }

    static Object writeOff(String id) {
        return PLAN.writeOffCommand(PLAN.writeOff(id).orElseThrow());
    }

    static WriteOffBooked booked(String id) {
        SettlementPlan.PlannedWriteOff w = PLAN.writeOff(id).orElseThrow();
        return new WriteOffBooked(id, WorkedExample.ITEM, w.lineId(), WorkedExample.DATE, w.text(), w.account(), w.amount(), List.of());
    }

    static PaymentApplied paid() {
        return new PaymentApplied(BANK, WorkedExample.PARTY, OpenItemKind.RECEIVABLE, WorkedExample.DATE, "x", "5820", "1100",
                Money.of("46852.75"), List.of(), Money.ZERO, List.of());
    }

    static EntryReversed reversed(String entryId) {
        return new EntryReversed(entryId, SettlementPlan.reversalId(entryId), WorkedExample.DATE, "x", List.of(), false);
    }

    static LedgerCommandResult accepted(String id) {
        return LedgerCommandResult.accepted(id, "POSTED");
    }

    static LedgerCommandResult refused(String id, String error) {
        return LedgerCommandResult.rejected(id, 422, error);
    }

    /** The app's ObjectMapper as Spring Boot builds it from application.yml (what Axon serializes sagas with). */
    static ObjectMapper appObjectMapper() {
        return Jackson2ObjectMapperBuilder.json()
                .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                .featuresToEnable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .featuresToDisable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
