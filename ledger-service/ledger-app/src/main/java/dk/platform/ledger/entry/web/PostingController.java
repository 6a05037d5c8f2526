package dk.platform.ledger.entry.web;

import dk.platform.ledger.api.command.ApplyOpenItems;
import dk.platform.ledger.api.command.ApplyPayment;
import dk.platform.ledger.api.command.PostJournalEntry;
import dk.platform.ledger.api.command.ReverseEntry;
import dk.platform.ledger.api.command.SetPartyApplicationMethod;
import dk.platform.ledger.api.command.UnapplyEntries;
import dk.platform.ledger.api.ApplicationMethod;
import dk.platform.ledger.infra.web.LedgerGateway;
import dk.platform.ledger.party.Party;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@Tag(name = "Postings", description = "Journal entries, reversals, payments and applications")
class PostingController {

    private final LedgerGateway ledger;

    PostingController(LedgerGateway ledger) {
        this.ledger = ledger;
    }

    @PostMapping("/api/journal-entries")
    @Operation(summary = "PostJournalEntry: post a balanced entry (bilag)")
    ResponseEntity<LedgerGateway.Result> post(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = "{\"entryId\":\"JE-1\",\"postingDate\":\"2026-03-31\",\"text\":\"Husleje\",\"lines\":[{\"account\":\"6100\",\"debit\":\"12000.00\"},{\"account\":\"5820\",\"credit\":\"12000.00\"}]}"))) @RequestBody PostJournalEntry command) {
        return ledger.send(command, command.entryId());
    }

    /** ReverseEntry's body: the entry comes from the path. */
    record ReversalRequest(String reversalId, LocalDate postingDate, String text) {
    }

    @PostMapping("/api/journal-entries/{entryId}/reversal")
    @Operation(summary = "ReverseEntry: reverse a posted entry (tilbageføring) by its id",
            description = "Works on any entry id: a journal entry, a payment, a write-off or an open item's own entry (which cancels the item).")
    ResponseEntity<LedgerGateway.Result> reverse(@PathVariable String entryId, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = "{\"reversalId\":\"JE-1-rev\",\"postingDate\":\"2026-04-02\",\"text\":\"Fejlpostering\"}"))) @RequestBody ReversalRequest body) {
        return ledger.send(new ReverseEntry(entryId, body.reversalId(), body.postingDate(), body.text()), body.reversalId());
    }

    @PostMapping("/api/payments")
    @Operation(summary = "ApplyPayment: post a payment and apply it to open items of one party (udligning)",
            description = "An application without amount takes what remains. The posting definitions of transactionType (optional,"
                    + " default PAYMENT) add generated lines to the payment's entry; they may not post to a control account (422).")
    ResponseEntity<LedgerGateway.Result> pay(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = "{\"paymentId\":\"PAY-1\",\"party\":\"REGION-H\",\"postingDate\":\"2026-04-20\",\"text\":\"Indbetaling\",\"cashAccount\":\"5820\",\"amount\":\"46852.75\",\"applications\":[{\"openItemId\":\"SS-2026-03\"}],\"transactionType\":\"PAYMENT\"}"))) @RequestBody ApplyPayment command) {
        return ledger.send(command, command.paymentId());
    }

    @PostMapping("/api/applications")
    @Operation(summary = "ApplyOpenItems: apply items of one party to each other without cash (efterudlign)",
            description = "Amounts in each item's own sign, netting to 0.00; without amounts the most that nets is applied."
                    + " The posting definitions of transactionType (optional, default APPLICATION) are applied to the items'"
                    + " control-account lines; if they generate lines, the application posts those lines and the generated ones"
                    + " in one balanced entry (and the undo posts them back), else it posts nothing.")
    ResponseEntity<LedgerGateway.Result> apply(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = "{\"applicationId\":\"APP-1\",\"party\":\"REGION-H\",\"postingDate\":\"2026-04-21\",\"text\":\"Kreditnota\",\"applications\":[{\"openItemId\":\"INV-7\"},{\"openItemId\":\"CM-2\"}]}"))) @RequestBody ApplyOpenItems command) {
        return ledger.send(command, command.applicationId());
    }

    @DeleteMapping("/api/applications/{applicationId}")
    @Operation(summary = "UnapplyEntries: undo an application (fortryd udligning); every remaining amount is restored",
            description = "postingDate (ISO date) is the date the undo is booked on; default: today.")
    ResponseEntity<LedgerGateway.Result> unapply(@PathVariable String applicationId,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postingDate) {
        ledger.sendAndWait(new UnapplyEntries(applicationId, postingDate));
        return ResponseEntity.ok(new LedgerGateway.Result(applicationId, dk.platform.ledger.entry.CommandOutcome.POSTED));
    }

    /** The body of a party's settings. */
    record PartySettings(ApplicationMethod applicationMethod) {
    }

    @PutMapping("/api/parties/{party}")
    @Operation(summary = "Choose a party's application method: SALDO (payments without applications go oldest due first) or MANUAL")
    ResponseEntity<LedgerGateway.Result> party(@PathVariable String party, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = "{\"applicationMethod\":\"SALDO\"}"))) @RequestBody PartySettings body) {
        ledger.sendAndWait(Party.SetMethod.of(new SetPartyApplicationMethod(party, body.applicationMethod())));
        return ResponseEntity.ok(new LedgerGateway.Result(party, dk.platform.ledger.entry.CommandOutcome.POSTED));
    }
}
