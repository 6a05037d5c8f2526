package dk.platform.ledger.openitem;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.command.BookWriteOff;
import dk.platform.ledger.api.command.RegisterOpenItem;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.infra.web.LedgerGateway;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

@RestController
@RequestMapping("/api/open-items")
@Tag(name = "Open items", description = "Debtor and creditor entries (åbne poster): register, write off, query")
class OpenItemController {

    private final LedgerGateway ledger;
    private final OpenItemQueries queries;

    OpenItemController(LedgerGateway ledger, OpenItemQueries queries) {
        this.ledger = ledger;
        this.queries = queries;
    }

    @PostMapping
    @Operation(summary = "RegisterOpenItem: record an invoice or credit memo and post it")
    ResponseEntity<LedgerGateway.Result> register(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = "{\"openItemId\":\"SS-2026-03\",\"kind\":\"RECEIVABLE\",\"party\":\"REGION-H\",\"documentNo\":\"2026-03\",\"postingDate\":\"2026-03-31\",\"dueDate\":\"2026-04-30\",\"text\":\"Sygesikring marts\",\"amount\":\"48250.00\",\"controlAccount\":\"1100\",\"offsetAccount\":\"1010\",\"lines\":[{\"lineId\":\"practitioner-A\",\"label\":\"A\",\"amount\":\"30000.00\"},{\"lineId\":\"practitioner-B\",\"label\":\"B\",\"amount\":\"18250.00\"}]}"))) @RequestBody RegisterOpenItem command) {
        return ledger.send(command, command.openItemId());
    }

    /** BookWriteOff's body: the item comes from the path. */
    record WriteOffRequest(String writeOffId, LocalDate postingDate, String text, String account, Money amount, String lineId,
                           String transactionType) {
    }

    @PostMapping("/{openItemId}/write-offs")
    @Operation(summary = "BookWriteOff: write part of an item (or one line) off to an alternative account",
            description = "A negative amount (\"-2.50\") records that the counterparty paid more than claimed. The posting definitions"
                    + " of transactionType (optional, default WRITE_OFF) add generated lines to the same entry; they never change"
                    + " the item's remaining amount and may not post to a control account (422).")
    ResponseEntity<LedgerGateway.Result> writeOff(@PathVariable String openItemId, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = {@ExampleObject(name = "write-off", value = "{\"writeOffId\":\"SS-2026-03-fee-1\",\"postingDate\":\"2026-04-20\",\"text\":\"Fondsbidrag\",\"account\":\"7250\",\"amount\":\"412.50\"}"),
                    @ExampleObject(name = "with transactionType", value = "{\"writeOffId\":\"AR-101-1-wo\",\"postingDate\":\"2026-04-20\",\"text\":\"Afskrivning\",\"account\":\"101-66100-150\",\"amount\":\"250.00\",\"transactionType\":\"WRITE_OFF\"}")})) @RequestBody WriteOffRequest body) {
        return ledger.send(new BookWriteOff(openItemId, body.writeOffId(), body.postingDate(), body.text(), body.account(),
                body.amount(), body.lineId(), body.transactionType()), body.writeOffId());
    }

    @GetMapping
    @Operation(summary = "The open-item view of a party: status OPEN (default), CLOSED, CANCELLED or ALL")
    List<OpenItemView> list(@RequestParam(required = false) String party,
                            @Parameter(description = "OPEN, CLOSED, CANCELLED or ALL") @RequestParam(defaultValue = "OPEN") String status) {
        return queries.list(party, parseStatus(status));
    }

    @GetMapping("/{openItemId}")
    @Operation(summary = "One open item with its lines and full history")
    OpenItemView get(@PathVariable String openItemId) {
        return queries.find(openItemId).orElseThrow(() -> new LedgerException.NotFound("no open item with id " + InputRules.quote(openItemId)));
    }

    private static OpenItemView.Status parseStatus(String status) {
        String s = status.toUpperCase(Locale.ROOT);
        if (s.equals("ALL")) {
            return null;
        }
        try {
            return OpenItemView.Status.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new LedgerException.Invalid("status must be OPEN, CLOSED, CANCELLED or ALL, not " + InputRules.quote(status));
        }
    }
}
