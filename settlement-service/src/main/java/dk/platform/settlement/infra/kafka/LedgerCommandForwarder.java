package dk.platform.settlement.infra.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.CommandSignature;
import dk.platform.ledger.api.LedgerCommandMessage;
import dk.platform.ledger.api.LedgerCommandSender;
import dk.platform.ledger.api.command.ApplyPayment;
import dk.platform.ledger.api.command.BookWriteOff;
import dk.platform.ledger.api.command.ReverseEntry;
import dk.platform.settlement.saga.SettlementSaga;
import dk.platform.support.kafka.KafkaCommandTransport;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The saga's commands leave here for the ledger, as {@link LedgerCommandMessage}s on
 * {@code ledger.commands}. The command id is the id the command posts under (writeOffId,
 * paymentId, reversalId), so the ledger's answer finds the saga and a repeat posts nothing. Each
 * record is signed as sender {@code settlement} ({@link CommandSignature}), on behalf of the user who
 * submitted the statement when the saga knows them; the ledger runs nothing else. Signing and
 * sending are ledger-api's {@link LedgerCommandSender}, as for every service. The send is awaited:
 * a broker that is down fails the saga's step, which then runs again.
 */
@Component
class LedgerCommandForwarder {

    private static final Logger log = LoggerFactory.getLogger(LedgerCommandForwarder.class);
    static final String SENDER = "settlement";

    private final LedgerCommandSender ledger;

    LedgerCommandForwarder(KafkaTemplate<String, String> kafka, ObjectMapper json, Environment environment) {
        this.ledger = KafkaCommandTransport.sender(SENDER, kafka, json, environment);
    }

    @CommandHandler
    void handle(BookWriteOff command, MetaData metaData) {
        send(command.writeOffId(), command, metaData);
    }

    @CommandHandler
    void handle(ApplyPayment command, MetaData metaData) {
        send(command.paymentId(), command, metaData);
    }

    @CommandHandler
    void handle(ReverseEntry command, MetaData metaData) {
        send(command.reversalId(), command, metaData);
    }

    private void send(String commandId, Object command, MetaData metaData) {
        String statementId = (String) metaData.get(SettlementSaga.STATEMENT_ID);
        String onBehalfOf = (String) metaData.get(SettlementSaga.ON_BEHALF_OF);
        String type = ledger.send(commandId, command, statementId, onBehalfOf);
        log.info("statement {}: sent {} {} for {}", statementId, type, commandId, onBehalfOf);
    }
}
