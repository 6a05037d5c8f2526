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
 * posted and 200 when the same command had already been posted (SPEC §0). The Kafka command
 * listener sends through the same gateway, with the sender and correlation id of its message.
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

    /** Sends a command on behalf of the current HTTP request: user from {@code X-User}, its correlation id. */
    public CommandOutcome sendAndWait(Object command) {
        String user = request.getHeader("X-User");
        return sendAndWait(command, user == null || user.isBlank() ? "anonymous" : user, CorrelationIdFilter.current());
    }

    /**
     * Sends a command on the command bus with who sent it and the business operation's
     * correlation id (a new one if null) in its metadata, and waits for the outcome; a refusal
     * is thrown (see {@link LedgerProblems#refusalOf}). Also used outside HTTP requests (Kafka).
     */
    public CommandOutcome sendAndWait(Object command, String user, String correlationId) {
        Map<String, Object> meta = new HashMap<>();
        meta.put("user", user);
        meta.put("correlationId", correlationId == null ? UUID.randomUUID().toString() : correlationId);
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(meta)));
    }
}
