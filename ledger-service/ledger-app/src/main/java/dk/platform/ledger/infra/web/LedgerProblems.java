package dk.platform.ledger.infra.web;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.support.ProblemHandler;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Optional;

/**
 * The ledger's refusals as problem+json with the statuses of SPEC §0. {@link #refusalOf} is the
 * one mapping from a command's failure to a status; the Kafka command listener answers with it too.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LedgerProblems {

    /** Why the ledger said no to a command: the HTTP status, the problem's title and its detail. */
    public record Refusal(HttpStatus status, String title, String detail) {

        ResponseEntity<Object> problem() {
            return ProblemHandler.problem(status, title, detail);
        }
    }

    /**
     * The refusal a command's failure stands for, or empty when the failure is not the ledger
     * saying no (a database or broker that is down, a bug): such a failure is not an answer.
     */
    public static Optional<Refusal> refusalOf(Throwable failure) {
        Throwable t = failure instanceof CommandExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof LedgerException.Invalid) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "Invalid request", t.getMessage()));
        } else if (t instanceof LedgerException.NotFound) {
            return Optional.of(new Refusal(HttpStatus.NOT_FOUND, "Not found", t.getMessage()));
        } else if (t instanceof LedgerException.Conflict) {
            return Optional.of(new Refusal(HttpStatus.CONFLICT, "Conflict", t.getMessage()));
        } else if (t instanceof LedgerException.Gone) {
            return Optional.of(new Refusal(HttpStatus.GONE, "Retired", t.getMessage()));
        } else if (t instanceof LedgerException.RuleViolation) {
            return Optional.of(new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, "Rejected by a ledger rule", t.getMessage()));
        } else if (t instanceof AggregateNotFoundException e) {
            return Optional.of(new Refusal(HttpStatus.NOT_FOUND, "Not found", "no entry with id " + InputRules.quote(e.getAggregateIdentifier()) + ""));
        } else if (t instanceof ConcurrencyException) {
            return Optional.of(new Refusal(HttpStatus.CONFLICT, "Concurrent modification",
                    "another command changed the same entry at the same time, and retrying did not resolve it; send the command again"));
        }
        return Optional.empty();
    }

    @ExceptionHandler(LedgerException.class)
    ResponseEntity<Object> refused(LedgerException e) {
        return refusalOf(e).orElseThrow().problem();
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException e) {
        return refusalOf(e).orElseThrow().problem();
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrent(ConcurrencyException e) {
        return refusalOf(e).orElseThrow().problem();
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> wrapped(CommandExecutionException e) throws Exception {
        Throwable cause = e.getCause();
        if (cause instanceof LedgerException le) {
            return refused(le);
        }
        if (cause instanceof Exception ex) {
            throw ex;
        }
        throw e;
    }
}
