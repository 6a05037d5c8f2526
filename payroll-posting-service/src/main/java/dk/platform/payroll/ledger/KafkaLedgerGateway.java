package dk.platform.payroll.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.CommandSignature;
import dk.platform.ledger.api.LedgerCommandMessage;
import dk.platform.ledger.api.LedgerCommandSender;
import dk.platform.payroll.run.LedgerGateway;
import dk.platform.support.kafka.KafkaCommandTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Commands for the ledger leave as {@link LedgerCommandMessage}s on {@code ledger.commands}, keyed
 * by command id, which is the id the command posts under: a repeat posts nothing. Each record is
 * signed as sender {@code payroll} ({@link CommandSignature}), on behalf of the user who asked for
 * it; the ledger runs nothing else. Signing and sending are ledger-api's {@link LedgerCommandSender},
 * as for every service. The send is awaited, so a broker that is down fails the request instead of
 * losing the command.
 */
@Component
class KafkaLedgerGateway implements LedgerGateway {

    private static final Logger log = LoggerFactory.getLogger(KafkaLedgerGateway.class);
    static final String SENDER = "payroll";

    private final LedgerCommandSender ledger;

    KafkaLedgerGateway(KafkaTemplate<String, String> kafka, ObjectMapper json, Environment environment) {
        this.ledger = KafkaCommandTransport.sender(SENDER, kafka, json, environment);
    }

    @Override
    public void send(String commandId, Object command, String correlationId, String onBehalfOf) {
        String type = ledger.send(commandId, command, correlationId, onBehalfOf);
        log.info("{}: sent {} {} for {}", correlationId, type, commandId, onBehalfOf);
    }
}
