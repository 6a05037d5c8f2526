package dk.platform.ledger.infra.web;

import dk.platform.ledger.entry.CommandOutcome;
import dk.platform.support.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How the REST layer sends commands: with who sent it and the request's correlation id in the
 * metadata (they end up on every event the command causes), answering 201 when the command
 * posted and 200 when the same command had already been posted (SPEC §0).
 */
@Component
public class LedgerGateway {

    /** The answer to a command. */
    public record Result(String id, CommandOutcome outcome) {
    }

    private final CommandGateway commands;
    private final HttpServletRequest request;

    LedgerGateway(CommandGateway commands, HttpServletRequest request) {
        this.commands = commands;
        this.request = request;
    }

    public ResponseEntity<Result> send(Object command, String id) {
        CommandOutcome outcome = sendAndWait(command);
        return ResponseEntity.status(outcome == CommandOutcome.REPLAYED ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new Result(id, outcome));
    }

    public CommandOutcome sendAndWait(Object command) {
        Map<String, Object> meta = new HashMap<>();
        String user = request.getHeader("X-User");
        meta.put("user", user == null || user.isBlank() ? "anonymous" : user);
        String correlationId = CorrelationIdFilter.current();
        meta.put("correlationId", correlationId == null ? UUID.randomUUID().toString() : correlationId);
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(meta)));
    }
}
