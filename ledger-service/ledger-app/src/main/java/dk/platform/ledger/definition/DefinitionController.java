package dk.platform.ledger.definition;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.event.JournalEntryPosted;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dk.platform.ledger.api.command.ApplyOpenItems;
import dk.platform.ledger.api.command.ApplyPayment;
import dk.platform.ledger.api.command.BookWriteOff;
import dk.platform.ledger.api.command.CloseYear;
import dk.platform.ledger.api.command.PostJournalEntry;
import dk.platform.ledger.api.command.RegisterFund;
import dk.platform.ledger.api.command.RegisterPostingDefinition;
import dk.platform.ledger.domain.Check;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.entry.CommandOutcome;
import dk.platform.ledger.entry.DryRun;
import dk.platform.ledger.fund.Fund;
import dk.platform.ledger.infra.web.LedgerGateway;
import dk.platform.support.input.InputJson;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.eventsourcing.eventstore.EventStore;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@Tag(name = "Posting definitions", description = "Rule-generated lines (bogføringsdefinitioner), funds and the year-end close")
class DefinitionController {

    static final String BUDGET_EXAMPLE = "{\"definitionId\":\"BUDGET\",\"transactionType\":\"BUDGET_ORIGINAL\",\"rows\":["
            + "{\"accountStructure\":\"EXPENSE\",\"matchAccount\":\"\",\"priority\":1,\"generated\":[{\"account\":\"-36300\",\"side\":\"SAME\"},"
            + "{\"account\":\"-36350\",\"side\":\"BALANCE\"}]},{\"accountStructure\":\"REVENUE\",\"matchAccount\":\"\",\"priority\":1,"
            + "\"generated\":[{\"account\":\"-36300\",\"side\":\"BALANCE\"},{\"account\":\"-36340\",\"side\":\"SAME\"}]}]}";

    /** A definition as listed: its current version, and which entries it applies to. */
    record DefinitionView(String definitionId, int version, String transactionType, String fundClass, String appliesTo,
                          List<dk.platform.ledger.api.command.DefinitionRow> rows) {
    }

    /** What a year-end close posted (or, previewed, would post): per fund class the accounts swept, and every line. */
    record ClosingView(String id, CommandOutcome outcome, int fiscalYear, String fundClass, LocalDate postingDate,
                       List<YearEndClose.ClassClosed> closed, List<PostingLine> lines, String debitTotal, String creditTotal) {
    }

    /** What an entry would post: its lines, the generated ones, and whether it all balances. */
    record Preview(String command, String transactionType, List<PostingLine> lines, List<PostingLine> generated, List<PostingLine> posted,
                   String debitTotal, String creditTotal, boolean balanced) {

        static Preview of(String command, String transactionType, DefinitionRules.Posting p) {
            return new Preview(command, transactionType, p.lines(), p.generated(), p.posted(), p.debitTotal().toString(),
                    p.creditTotal().toString(), p.debitTotal().equals(p.creditTotal()));
        }
    }

    /** The commands a preview answers for; the body's {@code command} field names one (default PostJournalEntry). */
    static final String PREVIEW_COMMANDS = "PostJournalEntry (default), BookWriteOff, ApplyPayment or ApplyOpenItems";
    /** An id for a preview that gives none: a preview claims no id, so any will do. */
    static final String PREVIEW_ID = "PREVIEW";

    static final String WRITE_OFF_PREVIEW = "{\"command\":\"BookWriteOff\",\"openItemId\":\"AR-101-1\",\"postingDate\":\"2026-04-20\","
            + "\"text\":\"Afskrivning\",\"account\":\"101-66100-150\",\"amount\":\"250.00\"}";

    private final LedgerGateway ledger;
    private final DefinitionRules rules;
    private final DefinitionLookups lookups;
    private final YearEndClose yearEndClose;
    private final EventStore events;
    private final ObjectMapper input;

    DefinitionController(LedgerGateway ledger, DefinitionRules rules, DefinitionLookups lookups, YearEndClose yearEndClose, EventStore events,
                         InputJson input) {
        this.ledger = ledger;
        this.rules = rules;
        this.lookups = lookups;
        this.yearEndClose = yearEndClose;
        this.events = events;
        this.input = input.mapper();
    }

    @PostMapping("/api/posting-definitions")
    @Operation(summary = "Create a posting definition for a transaction type (and optionally a fund class)")
    ResponseEntity<LedgerGateway.Result> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = BUDGET_EXAMPLE))) @RequestBody RegisterPostingDefinition body) {
        return answer(body.definitionId(), ledger.sendAndWait(PostingDefinition.Create.of(body)));
    }

    @PutMapping("/api/posting-definitions/{definitionId}")
    @Operation(summary = "Change a posting definition: a new version; entries already posted keep the lines they got")
    ResponseEntity<LedgerGateway.Result> change(@PathVariable String definitionId, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = BUDGET_EXAMPLE)))
                                                @RequestBody RegisterPostingDefinition body) {
        if (body.definitionId() != null && !body.definitionId().equals(definitionId)) {
            throw new LedgerException.Invalid("definitionId in the body (" + body.definitionId() + ") differs from the path (" + definitionId + ")");
        }
        RegisterPostingDefinition d = new RegisterPostingDefinition(definitionId, body.transactionType(), body.fundClass(), body.rows());
        return answer(definitionId, ledger.sendAndWait(PostingDefinition.Change.of(d)));
    }

    @DeleteMapping("/api/posting-definitions/{definitionId}")
    @Operation(summary = "Retire a posting definition: new entries no longer use it")
    ResponseEntity<LedgerGateway.Result> retire(@PathVariable String definitionId) {
        ledger.sendAndWait(new PostingDefinition.Retire(PostingDefinition.ID_PREFIX + Check.id(definitionId, "definitionId")));
        return ResponseEntity.ok(new LedgerGateway.Result(definitionId, CommandOutcome.POSTED));
    }

    @GetMapping("/api/posting-definitions")
    @Operation(summary = "The active posting definitions, current versions (the audit has every version); with transactionType"
            + " (and fundClass), only the one that applies to such entries: the class's own, else the one without a class")
    List<DefinitionView> list(@RequestParam(required = false) String transactionType, @RequestParam(required = false) String fundClass) {
        if (transactionType != null) {
            PostingRules.Definition applies = rules.definitionFor(transactionType, Check.optionalId(fundClass, "fundClass"));
            return applies == null ? List.of() : List.of(view(applies));
        }
        if (fundClass != null) {
            throw new LedgerException.Invalid("fundClass is asked together with transactionType: which definition applies to such entries");
        }
        return lookups.allDefinitions().stream().map(DefinitionController::view).toList();
    }

    private static DefinitionView view(PostingRules.Definition d) {
        return new DefinitionView(d.definitionId(), d.version(), d.transactionType(), d.fundClass(), d.fundClass() == null
                ? d.transactionType() + " entries of every fund class without a " + d.transactionType() + " definition of its own, and of funds without a class"
                : d.transactionType() + " entries of funds of class " + d.fundClass(), d.rows());
    }

    @GetMapping("/api/posting-definitions/{definitionId}")
    @Operation(summary = "One active posting definition")
    DefinitionView get(@PathVariable String definitionId) {
        return list(null, null).stream().filter(d -> d.definitionId().equals(definitionId)).findFirst()
                .orElseThrow(() -> new LedgerException.NotFound("no active posting definition " + InputRules.quote(definitionId)));
    }

    @PostMapping("/api/posting-definitions/preview")
    @Operation(summary = "Dry run: the lines the definitions would generate for an entry; posts nothing",
            description = "The body is the command's own body, with \"command\": " + PREVIEW_COMMANDS + ". A write-off names its"
                    + " openItemId in the body. Ids may be left out. A journal entry's lines are only run through the definitions;"
                    + " a write-off, payment or application is run with every rule of the real command (amounts, items, control"
                    + " accounts: the same 4xx) and rolled back. transactionType defaults as in the real command (WRITE_OFF,"
                    + " PAYMENT, APPLICATION).")
    Preview preview(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = {@ExampleObject(name = "budget entry", value = "{\"entryId\":\"B-1\",\"postingDate\":\"2026-01-01\",\"text\":\"Budget\","
                    + "\"transactionType\":\"BUDGET_ORIGINAL\",\"lines\":[{\"account\":\"101-606400-OU_1-OU_3566-Training\",\"credit\":\"250.00\"}]}"),
                    @ExampleObject(name = "write-off", value = WRITE_OFF_PREVIEW)}))
                    @RequestBody ObjectNode body) {
        JsonNode named = body.remove("command");
        if (named != null && !named.isTextual()) {
            throw new LedgerException.Invalid("command must be a string: " + PREVIEW_COMMANDS);
        }
        String command = named == null ? "PostJournalEntry" : named.asText();
        switch (command) {
            case "PostJournalEntry" -> {
                PostJournalEntry entry = read(body, PostJournalEntry.class);
                // checked as posting it would check it; only the id may be left out
                Check.optionalId(entry.entryId(), "entryId");
                Check.required(entry.postingDate(), "postingDate");
                Check.text(entry.text(), "text");
                return Preview.of(command, entry.transactionType(), rules.apply(entry.transactionType(), Check.lines(entry.lines(), 1)));
            }
            case "BookWriteOff" -> {
                body.putIfAbsent("writeOffId", TextNode.valueOf(PREVIEW_ID));
                return dryRun(command, read(body, BookWriteOff.class));
            }
            case "ApplyPayment" -> {
                body.putIfAbsent("paymentId", TextNode.valueOf(PREVIEW_ID));
                return dryRun(command, read(body, ApplyPayment.class));
            }
            case "ApplyOpenItems" -> {
                body.putIfAbsent("applicationId", TextNode.valueOf(PREVIEW_ID));
                return dryRun(command, read(body, ApplyOpenItems.class));
            }
            default -> throw new LedgerException.Invalid("command " + InputRules.quote(command) + " has no preview; give "
                    + PREVIEW_COMMANDS);
        }
    }

    private Preview dryRun(String command, Object body) {
        DryRun answer = ledger.preview(body);
        return Preview.of(command, answer.transactionType(), answer.posting());
    }

    /** The body as the command, read as strictly as any request body. */
    private <T> T read(ObjectNode body, Class<T> type) {
        try {
            return input.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw new LedgerException.Invalid("the body is not a valid " + type.getSimpleName() + ": " + dk.platform.support.JsonErrors.describe(e));
        } catch (IllegalArgumentException e) {
            throw new LedgerException.Invalid("the body is not a valid " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    @PostMapping("/api/funds")
    @Operation(summary = "Register a fund (the first account segment) and its class, e.g. GOVERNMENTAL or PROPRIETARY")
    ResponseEntity<LedgerGateway.Result> fund(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = "{\"fund\":\"101\",\"name\":\"Kassen\",\"fundClass\":\"GOVERNMENTAL\"}")))
                                              @RequestBody RegisterFund body) {
        return answer(body.fund(), ledger.sendAndWait(Fund.Register.of(body)));
    }

    @PostMapping("/api/year-end-closings")
    @Operation(summary = "CloseYear: bring the accounts the YEAR_END_CLOSE definitions match to zero on the year's last day;"
            + " without fundClass every class that has a definition. Refused (422) while the year before is open for a class."
            + " Answers per class the accounts and balances it swept, and the lines")
    ResponseEntity<ClosingView> closeYear(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = "{\"closingId\":\"CLOSE-2026-GOV\",\"fiscalYear\":2026,"
            + "\"fundClass\":\"GOVERNMENTAL\"}"))) @RequestBody CloseYear body) {
        CommandOutcome outcome = ledger.sendAndWait(body);
        JournalEntryPosted entry = events.readEvents(body.closingId()).asStream().map(m -> m.getPayload())
                .filter(JournalEntryPosted.class::isInstance).map(JournalEntryPosted.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("closing entry " + body.closingId() + " has no JournalEntryPosted"));
        return ResponseEntity.status(outcome == CommandOutcome.REPLAYED ? HttpStatus.OK : HttpStatus.CREATED)
                .body(closing(body.closingId(), outcome, entry.postingDate().getYear(), body.fundClass(), entry.postingDate(),
                        yearEndClose.closed(entry.lines()), entry.lines()));
    }

    @PostMapping("/api/year-end-closings/preview")
    @Operation(summary = "Dry run of a year-end close: what it would sweep per fund class and the lines; posts nothing, refuses as the close would")
    ClosingView previewClose(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = "{\"fiscalYear\":2026,\"fundClass\":\"GOVERNMENTAL\"}")))
                             @RequestBody CloseYear body) {
        YearEndClose.Plan plan = yearEndClose.plan(body.fiscalYear(), body.fundClass());
        return closing(body.closingId(), null, plan.fiscalYear(), plan.fundClass(), plan.postingDate(), plan.closed(), plan.posting().posted());
    }

    private static ClosingView closing(String id, CommandOutcome outcome, int year, String fundClass, LocalDate date,
                                       List<YearEndClose.ClassClosed> closed, List<PostingLine> lines) {
        Money debit = lines.stream().filter(PostingLine::isDebit).map(PostingLine::debit).reduce(Money.ZERO, Money::plus);
        Money credit = lines.stream().filter(l -> !l.isDebit()).map(PostingLine::credit).reduce(Money.ZERO, Money::plus);
        return new ClosingView(id, outcome, year, fundClass, date, closed, lines, debit.toString(), credit.toString());
    }

    private static ResponseEntity<LedgerGateway.Result> answer(String id, CommandOutcome outcome) {
        return ResponseEntity.status(outcome == CommandOutcome.REPLAYED ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new LedgerGateway.Result(id, outcome));
    }
}
