package dk.platform.settlement.statement.web;

import dk.platform.ledger.api.InputRules;
import dk.platform.settlement.statement.SettlementAccounts;
import dk.platform.settlement.statement.Statement;
import dk.platform.settlement.statement.StatementRefused;
import dk.platform.settlement.statement.StatementStatus;
import dk.platform.settlement.statement.intake.StatementConflict;
import dk.platform.settlement.statement.intake.StatementIntake;
import dk.platform.support.ProblemHandler;
import dk.platform.support.input.InputJson;
import dk.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

@RestController
@Tag(name = "Settlements", description = "Insurer settlement statements (sygesikringsafregning), SPEC §3")
class SettlementController {

    static final String EXAMPLE = """
            {"statementId":"RH-2026-04","party":"REGION-H","openItemId":"SS-2026-03","settlementDate":"2026-04-20",\
            "cashAccount":"5820","bankAmount":"46852.75",\
            "fees":[{"text":"Fondsbidrag","amount":"412.50","account":"7250"},{"text":"Administrationsgebyr","amount":"137.25"}],\
            "rejected":[{"lineId":"practitioner-B","reference":"R-1007","amount":"850.00"}],\
            "difference":{"amount":"-2.50"}}""";
    static final String CSV_EXAMPLE = """
            statement,RH-2026-04,REGION-H,SS-2026-03,2026-04-20,5820,46852.75
            fee,Fondsbidrag,412.50,7250
            fee,Administrationsgebyr,137.25
            rejected,practitioner-B,R-1007,850.00
            difference,-2.50
            """;
    static final String PLANNED_EXAMPLE = """
            {"statementId":"RH-2026-04","status":"POSTING","plan":{"statementId":"RH-2026-04","openItemId":"SS-2026-03",\
            "party":"REGION-H","settlementDate":"2026-04-20","writeOffs":[\
            {"writeOffId":"RH-2026-04-fee-1","purpose":"FEE","text":"Fondsbidrag","account":"7250","amount":"412.50"},\
            {"writeOffId":"RH-2026-04-fee-2","purpose":"FEE","text":"Administrationsgebyr","account":"7250","amount":"137.25"},\
            {"writeOffId":"RH-2026-04-rej-R-1007","purpose":"REJECTED_BILL","reference":"R-1007","text":"Afvist regning R-1007",\
            "account":"1190","amount":"850.00","lineId":"practitioner-B"},\
            {"writeOffId":"RH-2026-04-diff","purpose":"DIFFERENCE","text":"Difference sygesikring","account":"3090","amount":"-2.50"}],\
            "payment":{"paymentId":"RH-2026-04-bank","cashAccount":"5820","amount":"46852.75","text":"Afregning sygesikring RH-2026-04"}},\
            "commands":[{"commandId":"RH-2026-04-fee-1","type":"BookWriteOff","id":"RH-2026-04-fee-1","status":"SENT"},\
            {"commandId":"RH-2026-04-fee-2","type":"BookWriteOff","id":"RH-2026-04-fee-2","status":"SENT"},\
            {"commandId":"RH-2026-04-rej-R-1007","type":"BookWriteOff","id":"RH-2026-04-rej-R-1007","status":"SENT"},\
            {"commandId":"RH-2026-04-diff","type":"BookWriteOff","id":"RH-2026-04-diff","status":"SENT"},\
            {"commandId":"RH-2026-04-bank","type":"ApplyPayment","id":"RH-2026-04-bank","status":"PLANNED"}]}""";
    static final String REJECTED_EXAMPLE = """
            {"statementId":"RH-2026-04-B","status":"REJECTED","gap":"0.05","reason":"the bank amount 46852.70 differs by 0.05\
             from what remains after fees, rejected bills and difference: remaining 48250.00 - fees 549.75 - rejected 850.00\
             - difference -2.50 = 46852.75; nothing is posted","commands":[]}""";
    static final String SETTLED_EXAMPLE = """
            {"statementId":"RH-2026-04","status":"SETTLED","plan":{"...":"as when it was planned"},\
            "commands":[{"commandId":"RH-2026-04-fee-1","type":"BookWriteOff","id":"RH-2026-04-fee-1","status":"ACCEPTED","outcome":"POSTED"},\
            {"commandId":"RH-2026-04-bank","type":"ApplyPayment","id":"RH-2026-04-bank","status":"ACCEPTED","outcome":"POSTED"}]}""";

    private final StatementIntake intake;
    private final SettlementAccounts defaults;
    private final InputJson input;

    SettlementController(StatementIntake intake, SettlementAccounts defaults, InputJson input) {
        this.intake = intake;
        this.defaults = defaults;
        this.input = input;
    }

    @PostMapping(path = "/api/settlements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit an insurer settlement statement",
            description = "Checks the statement against the open item before anything is posted. 202: it balances and its saga"
                    + " posts the plan (write-offs first, the bank last); follow it with GET. 200 with status REJECTED: the bank"
                    + " amount differs from remaining - fees - rejected - difference (the gap says by how much); nothing is"
                    + " posted. 200: this statement was submitted before (same body): what was recorded. Accounts left out"
                    + " take settlement.accounts.*. 400 invalid input, 404 open item not known (yet), 409 statementId used with"
                    + " another body, 422 the item cannot be settled by it (closed, another party, unknown line, a line over-drawn).",
            responses = {
                    @ApiResponse(responseCode = "202", description = "Planned; posting", content = @Content(
                            mediaType = "application/json", examples = @ExampleObject(name = "planned", value = PLANNED_EXAMPLE))),
                    @ApiResponse(responseCode = "200", description = "Rejected (nothing posted), or submitted before",
                            content = @Content(mediaType = "application/json",
                                    examples = @ExampleObject(name = "rejected", value = REJECTED_EXAMPLE)))})
    ResponseEntity<StatementView> submit(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "application/json", examples = @ExampleObject(name = "SPEC §3 worked example", value = EXAMPLE)),
            @Content(mediaType = StatementCsv.MEDIA_TYPE, examples = @ExampleObject(name = "SPEC §3 worked example as CSV",
                    value = CSV_EXAMPLE))})
                                         @RequestBody StatementRequest body) {
        return answer(body.toStatement(defaults));
    }

    @PostMapping(path = "/api/settlements", consumes = StatementCsv.MEDIA_TYPE)
    @Operation(summary = "Submit an insurer settlement statement as CSV",
            description = "Format v1: records statement,statementId,party,openItemId,settlementDate,cashAccount,bankAmount (one);"
                    + " fee,text,amount[,account[,lineId]]; rejected,lineId,reference,amount[,account]; difference,amount[,account]"
                    + " (at most one). # starts a comment. Every error is reported with its line number; a file with an error is"
                    + " refused whole. Answers as the JSON form.")
    ResponseEntity<StatementView> upload(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
            @Content(mediaType = "application/json", examples = @ExampleObject(name = "SPEC §3 worked example", value = EXAMPLE)),
            @Content(mediaType = StatementCsv.MEDIA_TYPE, examples = @ExampleObject(name = "SPEC §3 worked example as CSV",
                    value = CSV_EXAMPLE))})
                                         @RequestBody byte[] csv,
                                         @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
        // UTF-8 unless the request says otherwise (Spring would read text/* without a charset as ISO-8859-1)
        Charset charset = type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        return answer(StatementCsv.parse(new String(csv, charset), defaults, input.dates()));
    }

    @GetMapping("/api/settlements/{statementId}")
    @Operation(summary = "A statement: status (PLANNED, POSTING, SETTLED, REJECTED, FAILED), gap, plan and every ledger command with its answer",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "settled", value = SETTLED_EXAMPLE),
                    @ExampleObject(name = "rejected", value = REJECTED_EXAMPLE)})))
    ResponseEntity<Object> get(@PathVariable String statementId) {
        return intake.find(statementId).<ResponseEntity<Object>>map(r -> ResponseEntity.ok(StatementView.of(r)))
                .orElseGet(() -> ProblemHandler.problem(HttpStatus.NOT_FOUND, "Unknown statement",
                        "no statement with id " + InputRules.quote(statementId)));
    }

    private ResponseEntity<StatementView> answer(Statement statement) {
        StatementIntake.Submission submission = intake.submit(statement, Caller.current().orElse(null));
        StatementView view = StatementView.of(submission.record());
        if (submission.created() && view.status() != StatementStatus.REJECTED) {
            return ResponseEntity.accepted().location(URI.create("/api/settlements/" + view.statementId())).body(view);
        }
        return ResponseEntity.ok(view);
    }

    @ExceptionHandler(StatementCsv.Invalid.class)
    ResponseEntity<Object> invalidCsv(StatementCsv.Invalid e) {
        ResponseEntity<Object> problem = ProblemHandler.problem(HttpStatus.BAD_REQUEST, "Invalid CSV statement", e.getMessage());
        ((ProblemDetail) problem.getBody()).setProperty("errors", e.errors);
        return problem;
    }

    @ExceptionHandler(StatementRefused.UnknownOpenItem.class)
    ResponseEntity<Object> unknownItem(StatementRefused.UnknownOpenItem e) {
        return ProblemHandler.problem(HttpStatus.NOT_FOUND, "Unknown open item", e.getMessage());
    }

    @ExceptionHandler(StatementRefused.RuleViolation.class)
    ResponseEntity<Object> ruleViolation(StatementRefused.RuleViolation e) {
        return ProblemHandler.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Statement cannot settle the open item", e.getMessage());
    }

    @ExceptionHandler(StatementConflict.class)
    ResponseEntity<Object> conflict(StatementConflict e) {
        return ProblemHandler.problem(HttpStatus.CONFLICT, "Statement id already used", e.getMessage());
    }
}
