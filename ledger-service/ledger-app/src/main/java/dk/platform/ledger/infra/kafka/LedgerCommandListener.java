package dk.platform.ledger.infra.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.LedgerCommandResult;
import dk.platform.ledger.api.Topics;
import dk.platform.ledger.entry.CommandOutcome;
import dk.platform.ledger.infra.web.LedgerGateway;
import dk.platform.ledger.infra.web.LedgerProblems;
import dk.platform.ledger.security.KafkaSenders;
import dk.platform.support.CorrelationIdFilter;
import dk.platform.support.input.InputJson;
import dk.platform.support.kafka.BoundedText;
import dk.platform.support.kafka.KafkaErrorHandling;
import dk.platform.support.kafka.Outages;
import dk.platform.support.kafka.PoisonRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Commands from other services (DESIGN.md §2): each record of {@code ledger.commands} is read
 * as a {@code LedgerCommandMessage}, sent through the same gateway and command bus as REST (so
 * idempotency by client id, the retry of lost races and every rule apply), and answered on
 * {@code ledger.command-results}, keyed by commandId: ACCEPTED with POSTED or REPLAYED, or
 * REJECTED with the status the REST API would answer and its detail.
 * <p>
 * Only the ledger saying no is an answer. A failure that is not (the database or the broker
 * down, a bug) is thrown: the offset is not committed and the record is delivered again with
 * back-off ({@link LedgerCommandsConsumerConfig}); in an outage until it goes through, so a
 * command is never lost and never answered REJECTED for an outage. The offset is committed only
 * after the answer has been written, so every command is answered at least once; a redelivered
 * command posts nothing new and is answered again (ACCEPTED, REPLAYED).
 * <p>
 * A record that cannot run does not stop its partition: it is parked in
 * {@code ledger.commands.dlt} (README "Dead letters"). A message that is not readable or not
 * the contract is answered REJECTED 400 and parked at once; one without a well-formed commandId
 * or record key is parked unanswered, as no answer could name it. A command that fails, other
 * than in an outage, on each of its deliveries is parked and answered REJECTED 500
 * ({@link #answerParked}). An answer's detail is bounded, never an echo of unbounded input.
 */
@Component
public class LedgerCommandListener {

    private static final Logger log = LoggerFactory.getLogger(LedgerCommandListener.class);
    static final String ID = "ledger-commands";
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final LedgerCommandReader reader;
    private final LedgerGateway ledger;
    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final KafkaSenders senders;

    public LedgerCommandListener(LedgerGateway ledger, KafkaTemplate<String, String> kafka, ObjectMapper json, InputJson input,
                                 KafkaSenders senders) {
        this.reader = new LedgerCommandReader(input.mapper());
        this.senders = senders;
        this.ledger = ledger;
        this.kafka = kafka;
        this.json = json;
    }

    @KafkaListener(id = ID, topics = Topics.LEDGER_COMMANDS, groupId = "${spring.kafka.consumer.group-id:ledger-app}",
            containerFactory = LedgerCommandsConsumerConfig.CONTAINER_FACTORY, concurrency = "${ledger.kafka.commands-consumers:12}")
    public void on(ConsumerRecord<String, String> record, Acknowledgment ack)
            throws JsonProcessingException, ExecutionException, InterruptedException, TimeoutException {
        LedgerCommandReader.Read read = reader.read(record.key(), record.value());
        if (read instanceof LedgerCommandReader.Command command) {
            answer(verifiedRun(record, command));
        } else if (read instanceof LedgerCommandReader.Malformed malformed) {
            log.info("command {} rejected (400): {}", malformed.commandId(), malformed.error());
            answer(LedgerCommandResult.rejected(malformed.commandId(), HttpStatus.BAD_REQUEST.value(), malformed.error()));
            throw new PoisonRecord("command " + malformed.commandId() + " answered REJECTED (400): " + malformed.error());
        } else if (read instanceof LedgerCommandReader.Unanswerable unanswerable) {
            throw new PoisonRecord(unanswerable.error() + "; the record names no well-formed commandId or key, so it is not answered");
        }
        ack.acknowledge();
    }

    /**
     * Called once a record has been parked in {@code ledger.commands.dlt}: a command that failed
     * on each of its deliveries, other than in an outage, is answered REJECTED 500 (a fault of
     * the ledger, not a refusal by a rule, which would be 422), so its sender is not left
     * waiting; the message can be run again from the dead-letter topic once the fault is fixed
     * (a redelivered command posts at most once). A {@link PoisonRecord} was answered already,
     * or cannot be. If this answer cannot be sent in an outage, the record comes again.
     */
    public void answerParked(ConsumerRecord<?, ?> record, Exception failure) {
        if (KafkaErrorHandling.unwrapped(failure) instanceof PoisonRecord) {
            return;
        }
        String key = record.key() instanceof String k ? k : null;
        String value = record.value() instanceof String v ? v : null;
        if (!(reader.read(key, value) instanceof LedgerCommandReader.Command command)) {
            return;
        }
        try {
            answer(LedgerCommandResult.rejected(command.commandId(), HttpStatus.INTERNAL_SERVER_ERROR.value(),
                    "the ledger failed to run this command on each of its deliveries (a fault, not a rule: see the ledger's log);"
                            + " the message is parked in " + KafkaErrorHandling.deadLetterTopic(Topics.LEDGER_COMMANDS)
                            + " and can be sent again from there once the fault is fixed"));
        } catch (Exception e) {
            if (Outages.isOutage(e)) {
                throw new IllegalStateException("could not answer parked command " + command.commandId(), e);
            }
            log.error("could not answer parked command {}; it stays parked without an answer", command.commandId(), e);
        }
    }

    private void answer(LedgerCommandResult result)
            throws JsonProcessingException, ExecutionException, InterruptedException, TimeoutException {
        LedgerCommandResult bounded = result.error() == null ? result
                : LedgerCommandResult.rejected(result.commandId(), result.errorStatus(), BoundedText.cap(result.error(), BoundedText.MAX_DETAIL));
        kafka.send(Topics.LEDGER_COMMAND_RESULTS, bounded.commandId(), json.writeValueAsString(bounded))
                .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Runs the command if its sender is verified and may send it; answers 401 or 403 otherwise, recording nothing. */
    private LedgerCommandResult verifiedRun(ConsumerRecord<String, String> record, LedgerCommandReader.Command c) {
        KafkaSenders.Verified from;
        try {
            from = senders.verify(record.headers(), record.key(), record.value(), c.type(), c.command());
        } catch (KafkaSenders.Refused refused) {
            log.warn("command {} ({}) refused ({}): {}", c.commandId(), c.type(), refused.status(), refused.getMessage());
            return LedgerCommandResult.rejected(c.commandId(), refused.status(), refused.getMessage());
        }
        return run(c, from);
    }

    private LedgerCommandResult run(LedgerCommandReader.Command c, KafkaSenders.Verified from) {
        MDC.put(CorrelationIdFilter.MDC_KEY, c.correlationId());
        try {
            CommandOutcome outcome = ledger.sendAndWait(c.command(), from.user(), from.service(), c.correlationId());
            if (outcome == null && Thread.currentThread().isInterrupted()) {
                // the gateway answers null when its wait is interrupted (shutting down): not an answer, and not the
                // command's fault (the InterruptedException makes it an outage: delivered again, never parked)
                throw new IllegalStateException("interrupted while command " + c.commandId() + " ran; it will be delivered again",
                        new InterruptedException());
            }
            outcome = outcome == null ? CommandOutcome.POSTED : outcome;
            log.info("command {} ({}) from {} for {}: {}", c.commandId(), c.type(), from.service(), from.user(), outcome);
            return LedgerCommandResult.accepted(c.commandId(), outcome.name());
        } catch (RuntimeException e) {
            LedgerProblems.Refusal refusal = refusalOf(e).orElseThrow(() -> e);
            log.info("command {} ({}) from {} rejected ({}): {}", c.commandId(), c.type(), from.service(), refusal.status().value(),
                    refusal.detail());
            return LedgerCommandResult.rejected(c.commandId(), refusal.status().value(), refusal.detail());
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
    }

    /** As REST answers: the ledger's refusals, and an IllegalArgumentException as 400 (platform-support's ProblemHandler). */
    static Optional<LedgerProblems.Refusal> refusalOf(RuntimeException e) {
        return LedgerProblems.refusalOf(e).or(() -> e instanceof IllegalArgumentException
                ? Optional.of(new LedgerProblems.Refusal(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()))
                : Optional.empty());
    }
}
