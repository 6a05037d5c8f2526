package dk.platform.ledger.debt;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.command.OffsetSkyldigtBeløb;
import dk.platform.ledger.api.command.PaySkyldigtBeløb;
import dk.platform.ledger.api.command.RegisterSkyldigtBeløb;
import dk.platform.ledger.api.command.WriteOffSkyldigtBeløb;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.infra.mongo.ViewCollections;
import dk.platform.ledger.infra.web.LedgerGateway;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

@RestController
@Tag(name = "Employee debts", description = "Skyldige beløb on account 61.50 (SPEC §5) and the 61.50 view")
class DebtController {

    record OffsetRequest(String offsetId, Money amount, LocalDate postingDate, String payrollRunId, String counterAccount) {
    }

    record PaymentRequest(String paymentId, Money amount, LocalDate postingDate, String cashAccount) {
    }

    record WriteOffRequest(String writeOffId, Money amount, LocalDate postingDate) {
    }

    private final LedgerGateway ledger;
    private final MongoTemplate mongo;
    private final DebtLookups lookups;
    private final ViewCollections views;

    DebtController(LedgerGateway ledger, MongoTemplate mongo, DebtLookups lookups, ViewCollections views) {
        this.ledger = ledger;
        this.mongo = mongo;
        this.lookups = lookups;
        this.views = views;
    }

    @PostMapping("/api/skyldige-beloeb")
    @Operation(summary = "RegisterSkyldigtBeløb: an employee owes the employer money (D 61.50 / K counterAccount)")
    ResponseEntity<LedgerGateway.Result> register(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = "{\"debtId\":\"D-1001-2026-03\",\"employerId\":\"K5\",\"employeeNo\":\"1001\","
            + "\"kind\":\"AUTO\",\"amount\":\"3200.00\",\"postingDate\":\"2026-03-31\",\"payrollRunId\":\"2026-03\",\"counterAccount\":\"0000000170\"}")))
                                                  @RequestBody RegisterSkyldigtBeløb command) {
        return ledger.send(command, command.debtId());
    }

    @PostMapping("/api/skyldige-beloeb/{debtId}/offsets")
    @Operation(summary = "Offset part of a debt in a payout (wage type 8561: K 61.50)")
    ResponseEntity<LedgerGateway.Result> offset(@PathVariable String debtId, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = "{\"offsetId\":\"D-1001-2026-03-off-2026-04\","
                    + "\"amount\":\"2000.00\",\"postingDate\":\"2026-04-30\",\"payrollRunId\":\"2026-04\"}"))) @RequestBody OffsetRequest body) {
        return ledger.send(new OffsetSkyldigtBeløb(debtId, body.offsetId(), body.amount(), body.postingDate(), body.payrollRunId(),
                        body.counterAccount()),
                body.offsetId());
    }

    @PostMapping("/api/skyldige-beloeb/{debtId}/payments")
    @Operation(summary = "The employee pays in cash (D cash / K 61.50, with the 2913 report and its 8561 counterpart)")
    ResponseEntity<LedgerGateway.Result> pay(@PathVariable String debtId, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = "{\"paymentId\":\"D-1001-pay-1\","
                    + "\"amount\":\"1200.00\",\"postingDate\":\"2026-05-10\",\"cashAccount\":\"5820\"}"))) @RequestBody PaymentRequest body) {
        return ledger.send(new PaySkyldigtBeløb(debtId, body.paymentId(), body.amount(), body.postingDate(), body.cashAccount()),
                body.paymentId());
    }

    @PostMapping("/api/skyldige-beloeb/{debtId}/write-offs")
    @Operation(summary = "Write the rest off (wage type 8915: D 22.91 / K 61.50)")
    ResponseEntity<LedgerGateway.Result> writeOff(@PathVariable String debtId, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = "{\"writeOffId\":\"D-2002-wo\","
                    + "\"amount\":\"15000.00\",\"postingDate\":\"2026-06-30\"}"))) @RequestBody WriteOffRequest body) {
        return ledger.send(new WriteOffSkyldigtBeløb(debtId, body.writeOffId(), body.amount(), body.postingDate()), body.writeOffId());
    }

    @GetMapping("/api/skyldige-beloeb")
    @Operation(summary = "The 61.50 view: one employer's debts, or one employer's employee's (employeeNo with employerId); all debts without either")
    @SuppressWarnings("unchecked")
    List<DebtView> list(@RequestParam(required = false) String employerId, @RequestParam(required = false) String employeeNo) {
        if (employeeNo != null && employerId == null) {
            throw new LedgerException.Invalid("employeeNo needs employerId: employee numbers repeat across employers, and a debt"
                    + " belongs to one employer's employee (SPEC §5)");
        }
        int generation = views.live(DebtProjection.NAME);
        String collection = ViewCollections.name(DebtView.COLLECTION, generation);
        List<DebtView> debts;
        if (employerId == null) {
            debts = mongo.findAll(DebtView.class, collection);
        } else if (employeeNo == null) {
            debts = mongo.find(Query.query(Criteria.where("employerId").is(employerId)), DebtView.class, collection);
        } else {
            Document index = mongo.findById(DebtView.employeeKey(employerId, employeeNo), Document.class,
                    ViewCollections.name(DebtProjection.BY_EMPLOYEE, generation));
            List<String> ids = index == null ? List.of() : (List<String>) index.get("debtIds");
            debts = ids.isEmpty() ? List.of() : mongo.find(Query.query(Criteria.where("_id").in(ids)), DebtView.class, collection);
        }
        return debts.stream().sorted(Comparator.comparing((DebtView d) -> d.postingDate).thenComparing(d -> d.debtId)).toList();
    }

    @GetMapping("/api/skyldige-beloeb/{debtId}")
    @Operation(summary = "One debt with its history")
    DebtView get(@PathVariable String debtId) {
        DebtView v = mongo.findById(debtId, DebtView.class, views.current(DebtProjection.NAME, DebtView.COLLECTION));
        if (v == null) {
            throw new LedgerException.NotFound("no employee debt " + InputRules.quote(debtId));
        }
        return v;
    }

    @GetMapping("/api/skyldige-beloeb/summary")
    @Operation(summary = "The sum of outstanding debts set against the balance of account 61.50, and whether they agree;"
            + " outstanding per employer beside it")
    DebtLookups.Summary summary() {
        return lookups.summary();
    }
}
