package dk.platform.settlement.infra.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.CommandSignature;
import dk.platform.ledger.api.LedgerCommandMessage;
import dk.platform.ledger.api.LedgerCommandTypes;
import dk.platform.ledger.api.Topics;
import dk.platform.ledger.api.command.ApplyPayment;
import dk.platform.ledger.api.command.BookWriteOff;
import dk.platform.ledger.api.command.ReverseEntry;
import dk.platform.settlement.saga.SettlementSaga;
import dk.platform.support.security.SenderSecret;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The saga's commands leave here for the ledger, as {@link LedgerCommandMessage}s on
 * {@code ledger.commands}. The command id is the id the command posts under (writeOffId,
 * paymentId, reversalId), so the ledger's answer finds the saga and a repeat posts nothing. Each
 * record is signed as sender {@code settlement} ({@link CommandSignature}), on behalf of the user who
 * submitted the statement when the saga knows them; the ledger runs nothing else. The
 * send is awaited: a broker that is down fails the saga's step, which then runs again.
 */
@Component
class LedgerCommandForwarder {

    private static final Logger log = LoggerFactory.getLogger(LedgerCommandForwarder.class);
    static final String SENDER = "settlement";

    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final String secret;

    LedgerCommandForwarder(KafkaTemplate<String, String> kafka, ObjectMapper json, Environment environment) {
        this.kafka = kafka;
        this.json = json;
        this.secret = SenderSecret.of(environment, SENDER);
    }

    @CommandHandler
    void handle(BookWriteOff command, MetaData metaData) throws Exception {
        send(command.writeOffId(), command, metaData);
    }

    @CommandHandler
    void handle(ApplyPayment command, MetaData metaData) throws Exception {
        send(command.paymentId(), command, metaData);
    }

    @CommandHandler
    void handle(ReverseEntry command, MetaData metaData) throws Exception {
        send(command.reversalId(), command, metaData);
    }

    private void send(String commandId, Object command, MetaData metaData)
            throws JsonProcessingException, ExecutionException, InterruptedException, TimeoutException {
        String type = LedgerCommandTypes.nameOf(command);
        String statementId = (String) metaData.get(SettlementSaga.STATEMENT_ID);
        LedgerCommandMessage message = new LedgerCommandMessage(commandId, type, json.valueToTree(command), SENDER, statementId);
        String onBehalfOf = (String) metaData.get(SettlementSaga.ON_BEHALF_OF);
        String value = json.writeValueAsString(message);
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.LEDGER_COMMANDS, commandId, value);
        CommandSignature.headers(secret, SENDER, onBehalfOf, commandId, value).forEach(record.headers()::add);
        kafka.send(record).get(30, TimeUnit.SECONDS);
        log.info("statement {}: sent {} {} for {}", statementId, type, commandId, onBehalfOf);
    }
}
