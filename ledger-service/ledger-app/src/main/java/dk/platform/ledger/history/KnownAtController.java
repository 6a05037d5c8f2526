package dk.platform.ledger.history;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.konto.KontoQueries;
import dk.platform.ledger.openitem.OpenItemView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The live views' queries with {@code knownAt=}: the same paths and answers, computed from the
 * event store as it stood at that recorded time. Mapped only when {@code knownAt} is present, so
 * without it the live views answer as before.
 */
@RestController
@Tag(name = "As known at", description = "Balances, trial balance and open items as the ledger knew them at a past recorded time")
class KnownAtController {

    static final String KNOWN_AT = "ISO instant (2026-11-22T20:30:00Z): only events recorded at or before it count (their stored"
            + " timestamp); a future instant means now";

    private final KnownAtQueries queries;

    KnownAtController(KnownAtQueries queries) {
        this.queries = queries;
    }

    @GetMapping(value = "/api/accounts/{number}", params = "knownAt")
    @Operation(summary = "An account as known at a recorded time: balance, totals and postings from the events recorded by then",
            description = "With asOf, postings up to that posting date among them. The answer has the konto view's shape.")
    KontoQueries.AccountView account(@PathVariable String number,
                                     @Parameter(description = KNOWN_AT) @RequestParam String knownAt,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Instant at = knownAt(knownAt);
        return queries.account(number, asOf, at)
                .orElseThrow(() -> new LedgerException.NotFound("no account " + InputRules.quote(number) + " known at " + at));
    }

    @GetMapping(value = "/api/trial-balance", params = "knownAt")
    @Operation(summary = "The trial balance as known at a recorded time (with asOf: up to that posting date); total is always 0.00")
    KontoQueries.TrialBalance trialBalance(@Parameter(description = KNOWN_AT) @RequestParam String knownAt,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return queries.trialBalance(asOf, knownAt(knownAt));
    }

    @GetMapping(value = "/api/open-items/{openItemId}", params = "knownAt")
    @Operation(summary = "One open item as known at a recorded time: its remaining amounts, status and history from its events recorded by then")
    OpenItemView openItem(@PathVariable String openItemId, @Parameter(description = KNOWN_AT) @RequestParam String knownAt) {
        Instant at = knownAt(knownAt);
        return queries.openItem(openItemId, at)
                .orElseThrow(() -> new LedgerException.NotFound("no open item with id " + InputRules.quote(openItemId) + " known at " + at));
    }

    @GetMapping(value = "/api/open-items", params = "knownAt")
    @Operation(summary = "A party's open items as known at a recorded time: status OPEN (default), CLOSED, CANCELLED or ALL",
            description = "party is required with knownAt: each of the party's items registered by then is replayed from its events.")
    List<OpenItemView> openItems(@RequestParam(required = false) String party,
                                 @Parameter(description = "OPEN, CLOSED, CANCELLED or ALL") @RequestParam(defaultValue = "OPEN") String status,
                                 @Parameter(description = KNOWN_AT) @RequestParam String knownAt) {
        Instant at = knownAt(knownAt);
        if (party == null || party.isBlank()) {
            throw new LedgerException.Invalid("party is required with knownAt: the open items of one party are replayed from the event store");
        }
        String s = status.trim().toUpperCase(Locale.ROOT);
        OpenItemView.Status wanted;
        try {
            wanted = s.equals("ALL") ? null : OpenItemView.Status.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new LedgerException.Invalid("status must be OPEN, CLOSED, CANCELLED or ALL, not " + InputRules.quote(status));
        }
        return queries.openItems(party.trim(), wanted, at);
    }

    /** Parses knownAt; a moment still to come is now (nothing has been recorded after now). */
    Instant knownAt(String value) {
        Instant at;
        try {
            at = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new LedgerException.Invalid("knownAt " + InputRules.quote(value) + " is not an ISO instant such as 2026-11-22T20:30:00Z");
        }
        Instant now = Instant.now();
        return at.isAfter(now) ? now : at;
    }
}
