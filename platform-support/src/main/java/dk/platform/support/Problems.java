package dk.platform.support;

import org.springframework.http.HttpStatus;

/** The words of an error that no handler of the application described: one sentence per status. */
final class Problems {

    private Problems() {
    }

    static String detailOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "the request is malformed: its path, a header or its body cannot be read";
            case NOT_FOUND -> "there is nothing at this path";
            case METHOD_NOT_ALLOWED -> "this path does not take this method";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "a request header is too large";
            case URI_TOO_LONG -> "the request path is too long";
            case PAYLOAD_TOO_LARGE -> "the request body is too large";
            default -> status.is5xxServerError() ? "the request could not be completed; quote the correlation id when reporting it"
                    : status.getReasonPhrase();
        };
    }

    static String json(HttpStatus status, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
