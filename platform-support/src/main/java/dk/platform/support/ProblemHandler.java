package dk.platform.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.stream.Collectors;

/**
 * Every error of every app as RFC 9457 problem+json. Malformed input is a 400 that says which
 * field is wrong and why; anything unexpected is a 500 that says nothing internal (the log,
 * found by the correlation id, has the rest).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** A problem with a status and a detail, thrown from web or application code. */
    public static ResponseEntity<Object> problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return withCorrelation(body);
    }

    private static ResponseEntity<Object> withCorrelation(ProblemDetail body) {
        String correlationId = CorrelationIdFilter.current();
        if (correlationId != null) {
            body.setProperty("correlationId", correlationId);
        }
        return ResponseEntity.status(body.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        RequestSizeLimit.TooLarge tooLarge = tooLarge(ex);
        if (tooLarge != null) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload Too Large", tooLarge.getMessage());
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", describe(ex));
    }

    @ExceptionHandler(RequestSizeLimit.TooLarge.class)
    ResponseEntity<Object> tooLarge(RequestSizeLimit.TooLarge ex) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload Too Large", ex.getMessage());
    }

    /** A body cut off by the size limit, wherever in the cause chain the reader put it. */
    static RequestSizeLimit.TooLarge tooLarge(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.TooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> e.getField() + ": " + e.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail.isEmpty() ? "the request is invalid" : detail);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "parameter '" + ex.getName() + "' has an invalid value: " + dk.platform.ledger.api.InputRules.quote(ex.getValue()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", JsonErrors.bounded(String.valueOf(ex.getMessage())));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        RequestSizeLimit.TooLarge tooLarge = tooLarge(ex);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        log.error("unexpected error", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the request could not be completed; quote the correlation id when reporting it");
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            return withCorrelation(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** Says which field of the JSON is wrong, in words, without internal class names. */
    static String describe(HttpMessageNotReadableException ex) {
        return ex.getCause() instanceof JsonProcessingException json ? JsonErrors.describe(json)
                : "the request body is missing or not readable JSON";
    }
}
