package dk.platform.payroll.setup;

import dk.platform.support.ProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused setup change as problem+json, with every input error listed in {@code errors}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SetupExceptionHandler {

    @ExceptionHandler(SetupException.class)
    ResponseEntity<Object> refused(SetupException e) {
        ResponseEntity<Object> response = ProblemHandler.problem(HttpStatusCode.valueOf(e.status()), e.title(), e.getMessage());
        if (!e.errors().isEmpty() && response.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("errors", e.errors());
        }
        return response;
    }
}
