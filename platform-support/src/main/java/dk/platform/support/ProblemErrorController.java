package dk.platform.support;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the container forwards to {@code /error} (a filter's failure, a path nothing serves)
 * answered as problem+json like every other error, instead of Spring Boot's own JSON.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.value() < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        RequestSizeLimit.TooLarge tooLarge = ProblemHandler.tooLarge(error);
        if (tooLarge != null) {
            return ProblemHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload Too Large", tooLarge.getMessage());
        }
        return ProblemHandler.problem(status, status.getReasonPhrase(), Problems.detailOf(status));
    }
}
