package dk.platform.ledger.konto;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.command.OpenAccount;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.infra.web.LedgerGateway;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@Tag(name = "Accounts", description = "The chart of accounts (kontoplan) and the konto view")
class AccountController {

    private final LedgerGateway ledger;
    private final KontoQueries queries;

    AccountController(LedgerGateway ledger, KontoQueries queries) {
        this.ledger = ledger;
        this.queries = queries;
    }

    @PostMapping("/api/accounts")
    @Operation(summary = "OpenAccount: add an account to the chart of accounts",
            description = "Types: ASSET, LIABILITY, EQUITY, REVENUE, EXPENSE. controlAccount: true opens a control account"
                    + " (samlekonto): only open items post to it; plain journal entries and generated lines get 422 (SPEC §1.1).")
    ResponseEntity<LedgerGateway.Result> open(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = {
                    @ExampleObject(name = "account", value = "{\"number\":\"5820\",\"name\":\"Bank\",\"type\":\"ASSET\"}"),
                    @ExampleObject(name = "control account", value = "{\"number\":\"1100\",\"name\":\"Debitorer\",\"type\":\"ASSET\",\"controlAccount\":true}")}))
                                              @RequestBody OpenAccount command) {
        // false and absent mean the same, so re-sending either is the same command (SPEC §0)
        OpenAccount c = new OpenAccount(command.number(), command.name(), command.type(),
                Boolean.TRUE.equals(command.controlAccount()) ? Boolean.TRUE : null);
        return ledger.send(c, c.number());
    }

    @GetMapping("/api/accounts/{number}")
    @Operation(summary = "Konto view: balance, debit and credit totals and postings of an account, as of a posting date (default: everything)")
    KontoQueries.AccountView account(@PathVariable String number,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return queries.account(number, asOf).orElseThrow(() -> new LedgerException.NotFound("no account " + InputRules.quote(number)));
    }

    @GetMapping("/api/trial-balance")
    @Operation(summary = "Trial balance (råbalance) of all accounts as of a posting date; total is always 0.00")
    KontoQueries.TrialBalance trialBalance(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return queries.trialBalance(asOf);
    }
}
