package dk.platform.settlement.openitem;

import dk.platform.ledger.api.InputRules;
import dk.platform.support.ProblemHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Open items", description = "The open items as the settlement service knows them, from ledger.events")
class OpenItemController {

    static final String EXAMPLE = """
            {"openItemId":"SS-2026-03","kind":"RECEIVABLE","party":"REGION-H","amount":"48250.00","remaining":"48250.00",\
            "status":"OPEN","lines":[{"lineId":"practitioner-A","amount":"30000.00","remaining":"30000.00"},\
            {"lineId":"practitioner-B","amount":"18250.00","remaining":"18250.00"}]}""";

    private final OpenItemRecords openItems;

    OpenItemController(OpenItemRecords openItems) {
        this.openItems = openItems;
    }

    @GetMapping("/api/open-items/{openItemId}")
    @Operation(summary = "An open item as this service last saw it on ledger.events (what a statement is checked against)",
            description = "404 until the item's registration has arrived from the ledger; the ledger's own view is"
                    + " GET /api/open-items/{id} on ledger-service.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(name = "the worked example's invoice", value = EXAMPLE))))
    ResponseEntity<Object> get(@PathVariable String openItemId) {
        return openItems.find(openItemId).<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> ProblemHandler.problem(HttpStatus.NOT_FOUND, "Unknown open item",
                        "open item " + InputRules.quote(openItemId) + " is not known to the settlement service (yet)"));
    }
}
