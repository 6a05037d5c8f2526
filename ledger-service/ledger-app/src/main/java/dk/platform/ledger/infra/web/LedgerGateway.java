package dk.platform.ledger.infra.web;

import dk.platform.ledger.entry.CommandOutcome;
import dk.platform.ledger.entry.DryRun;
import dk.platform.support.CorrelationIdFilter;
import dk.platform.support.security.Caller;
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

    LedgerGateway(CommandGateway commands) {
        this.commands = commands;
    }

    public ResponseEntity<Result> send(Object command, String id) {
        CommandOutcome outcome = sendAndWait(command);
        return ResponseEntity.status(outcome == CommandOutcome.REPLAYED ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new Result(id, outcome));
    }

    /**
     * Sends a command on behalf of the current HTTP request: the authenticated subject (never a
     * header or a body field) and the request's correlation id.
     */
    public CommandOutcome sendAndWait(Object command) {
        String user = Caller.current().orElseThrow(() -> new IllegalStateException("a command without an authenticated caller"));
        return sendAndWait(command, user, null, CorrelationIdFilter.current());
    }

    /**
     * Sends a command on the command bus with who sent it ({@code user}: the person or key; and
     * {@code service}: the service it came through over Kafka, or null) and the business
     * operation's correlation id (a new one if null) in its metadata, and waits for the outcome;
     * a refusal is thrown (see {@link LedgerProblems#refusalOf}). Also used outside HTTP requests (Kafka).
     */
    public CommandOutcome sendAndWait(Object command, String user, String service, String correlationId) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData(user, service, correlationId)));
    }

    /**
     * Runs a write-off, payment or application as a preview on behalf of the current HTTP request:
     * every rule is checked as for the real command, and the entry it would post is answered;
     * nothing is posted (see {@link DryRun}).
     */
    public DryRun preview(Object command) {
        String user = Caller.current().orElseThrow(() -> new IllegalStateException("a command without an authenticated caller"));
        Map<String, Object> meta = new HashMap<>(metaData(user, null, CorrelationIdFilter.current()));
        meta.put(DryRun.METADATA, Boolean.TRUE);
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(meta)));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof DryRun answer) {
                    return answer;
                }
            }
            throw e;
        }
        throw new IllegalStateException(command.getClass().getSimpleName() + " has no preview");
    }

    private static MetaData metaData(String user, String service, String correlationId) {
        Map<String, Object> meta = new HashMap<>();
        meta.put("user", user);
        if (service != null) {
            meta.put("service", service);
        }
        meta.put("correlationId", correlationId == null ? UUID.randomUUID().toString() : correlationId);
        return MetaData.from(meta);
    }
}
