package dk.platform.ledger.audit;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.TransactionTypes;
import dk.platform.ledger.api.event.JournalEntryPosted;
import dk.platform.ledger.api.event.PostsEntry;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.entry.CommandLog;
import dk.platform.ledger.history.PostingEvents;
import dk.platform.ledger.history.StoredEvents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Every journal line posted in a period of posting dates, for auditors: read from the event store
 * through a cursor and written as it is read (JSON Lines or CSV), ending with a checksum line
 * (see {@link JournalExport}). Lines come in the order they were recorded (global position), the
 * lines of one entry together; a reversal is an entry of its own, with its own lines.
 */
@RestController
@Tag(name = "Audit", description = "The event history, straight from the event store")
class AuditExportController {

    static final String CSV = "text/csv";

    private final StoredEvents events;
    private final CommandLog commandLog;

    AuditExportController(StoredEvents events, CommandLog commandLog) {
        this.events = events;
        this.commandLog = commandLog;
    }

    @GetMapping("/api/audit/export")
    @Operation(summary = "Every journal line posted in a period (posting dates from and to, inclusive), streamed, with a trailing checksum line",
            description = "One row per line: position, entryId, line, postingDate, recordedAt, user (who: a token's subject or an API key's name), service (the service a Kafka command came from), text, account, debit, credit,"
                    + " sourceCommand, eventType, correlationId. JSON Lines (application/x-ndjson) by default; CSV (text/csv: UTF-8, ';',"
                    + " decimal point, header row) with format=csv or Accept: text/csv. The last line carries sha256 over the exact bytes"
                    + " of every line before it, the number of rows and the debit and credit totals.")
    void export(@Parameter(description = "first posting date, inclusive (2026-03-01)") @RequestParam(required = false) String from,
                @Parameter(description = "last posting date, inclusive (2026-03-31)") @RequestParam(required = false) String to,
                @Parameter(description = "jsonl (default) or csv") @RequestParam(required = false) String format,
                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                HttpServletResponse response) throws IOException {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first.isAfter(last)) {
            throw new LedgerException.Invalid("from " + first + " is after to " + last);
        }
        JournalExport.Format chosen = format(format, accept);
        boolean csv = chosen == JournalExport.Format.CSV;
        response.setStatus(200);
        response.setContentType(csv ? CSV : AuditController.NDJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"journal-" + first + "-" + last
                + (csv ? ".csv" : ".jsonl") + "\"");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 1 << 16);
        JournalExport export = new JournalExport(chosen, out);
        events.forEach(new StoredEvents.Selection().types(PostingEvents.TYPES).postingDates(first, last), e -> {
            PostsEntry entry = (PostsEntry) e.payload();
            if (entry.postingDate().isBefore(first) || entry.postingDate().isAfter(last)) {
                return;
            }
            String command = sourceCommand(entry);
            List<PostingLine> lines = entry.lines();
            try {
                for (int i = 0; i < lines.size(); i++) {
                    PostingLine l = lines.get(i);
                    export.row(new JournalExport.Row(e.position(), entry.postedEntryId(), i + 1, entry.postingDate(), e.recordedAt(),
                            e.user(), e.service(), entry.text(), l.account(), l.debit(), l.credit(), command, entry.getClass().getSimpleName(),
                            e.correlationId()));
                }
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
        export.finish();
    }

    /** The command that posted the entry: fixed per event type, except that a year-end close posts a JournalEntryPosted too. */
    private String sourceCommand(PostsEntry entry) {
        if (entry instanceof JournalEntryPosted j && TransactionTypes.YEAR_END_CLOSE.equals(j.transactionType())) {
            CommandLog.Entry logged = commandLog.find(j.entryId());
            if (logged != null) {
                return logged.commandType();
            }
        }
        return PostingEvents.SOURCE_COMMANDS.get(entry.getClass()).getSimpleName();
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new LedgerException.Invalid(name + " is required: a posting date such as 2026-03-01");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new LedgerException.Invalid(name + " " + InputRules.quote(value) + " is not a posting date such as 2026-03-01");
        }
    }

    private static JournalExport.Format format(String format, String accept) {
        if (format == null || format.isBlank()) {
            return accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV) ? JournalExport.Format.CSV : JournalExport.Format.JSON_LINES;
        }
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> JournalExport.Format.CSV;
            case "jsonl", "ndjson" -> JournalExport.Format.JSON_LINES;
            default -> throw new LedgerException.Invalid("format " + InputRules.quote(format) + " is not csv or jsonl");
        };
    }
}
