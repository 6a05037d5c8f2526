package dk.platform.ledger.infra.web;

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

/** The ledger's refusals as problem+json with the statuses of SPEC §0. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LedgerProblems {

    @ExceptionHandler(LedgerException.class)
    ResponseEntity<Object> refused(LedgerException e) {
        if (e instanceof LedgerException.Invalid) {
            return ProblemHandler.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        } else if (e instanceof LedgerException.NotFound) {
            return ProblemHandler.problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
        } else if (e instanceof LedgerException.Conflict) {
            return ProblemHandler.problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        }
        return ProblemHandler.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Rejected by a ledger rule", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException e) {
        return ProblemHandler.problem(HttpStatus.NOT_FOUND, "Not found", "no entry with id '" + e.getAggregateIdentifier() + "'");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrent(ConcurrencyException e) {
        return ProblemHandler.problem(HttpStatus.CONFLICT, "Concurrent modification",
                "another command changed the same entry at the same time, and retrying did not resolve it; send the command again");
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
