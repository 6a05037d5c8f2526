package dk.platform.ledger.replay;

import dk.platform.ledger.api.InputRules;
import dk.platform.support.ProblemHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Replays of ledger.events for a named subscriber, from a global position, into the subscriber's own topic. */
@RestController
@Tag(name = "Admin", description = "Subscriber replays of ledger.events")
class ReplayController {

    private final SubscriberReplays replays;

    ReplayController(SubscriberReplays replays) {
        this.replays = replays;
    }

    record ReplayRequest(String subscriber, Long fromPosition) {
    }

    @PostMapping("/api/admin/replays")
    @Operation(summary = "Replays the stored events from a global position into the subscriber's own topic, in the ledger.events envelope")
    ResponseEntity<SubscriberReplays.Replay> start(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = "{\"subscriber\":\"reporting\",\"fromPosition\":0}")))
                                                   @RequestBody ReplayRequest request) {
        return ResponseEntity.accepted().body(replays.start(request.subscriber(),
                request.fromPosition() == null ? 0 : request.fromPosition()));
    }

    @GetMapping("/api/admin/replays/{subscriber}")
    @Operation(summary = "Where a subscriber's replay stands (404 if none was started since this instance started)")
    ResponseEntity<Object> status(@PathVariable String subscriber) {
        SubscriberReplays.Replay replay = replays.status(subscriber);
        return replay == null ? ProblemHandler.problem(HttpStatus.NOT_FOUND, "Not found",
                "no replay for subscriber " + InputRules.quote(subscriber) + " since this instance started") : ResponseEntity.ok(replay);
    }
}
