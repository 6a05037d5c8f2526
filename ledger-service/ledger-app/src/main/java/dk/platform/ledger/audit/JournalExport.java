package dk.platform.ledger.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dk.platform.ledger.api.Money;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes the journal export: one row per posted line, then one checksum line. Every line ends
 * with {@code \n}; the checksum is SHA-256 over the exact bytes of every line before it
 * (for CSV, the header row too), so a reader verifies the file by hashing everything up to the
 * last line and comparing. An export without its checksum line was cut short.
 * <ul>
 *   <li>JSON Lines: one object per row with the fields of {@link #COLUMNS} (amounts as decimal
 *   strings, absent ones null), then {@code {"checksum":"sha256:<hex>","lines":N,"debitTotal":"..","creditTotal":".."}}.</li>
 *   <li>CSV: UTF-8 without BOM, {@code ;} between fields, a decimal point, a header row; a field
 *   with {@code ;}, {@code "} or a line break is quoted with {@code "} doubled inside; then
 *   {@code # checksum;sha256:<hex>;lines;N;debit;<total>;credit;<total>}.</li>
 * </ul>
 */
final class JournalExport {

    enum Format { JSON_LINES, CSV }

    static final List<String> COLUMNS = List.of("position", "entryId", "line", "postingDate", "recordedAt", "user", "service", "text", "account",
            "debit", "credit", "sourceCommand", "eventType", "correlationId");

    /** One posted line: {@code line} numbers the lines of its entry from 1; {@code position} is its event's global position. */
    record Row(long position, String entryId, int line, LocalDate postingDate, Instant recordedAt, String user, String service, String text,
               String account, Money debit, Money credit, String sourceCommand, String eventType, String correlationId) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final Format format;
    private final OutputStream out;
    private final MessageDigest sha256;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    private long lines;
    private Money debitTotal = Money.ZERO;
    private Money creditTotal = Money.ZERO;

    JournalExport(Format format, OutputStream out) throws IOException {
        this.format = format;
        this.out = out;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (format == Format.CSV) {
            write(String.join(";", COLUMNS) + "\n");
        }
    }

    void row(Row r) throws IOException {
        if (format == Format.CSV) {
            write(String.join(";", csv(r.position()), csv(r.entryId()), csv(r.line()), csv(r.postingDate()), csv(r.recordedAt()),
                    csv(r.user()), csv(r.service()), csv(r.text()), csv(r.account()), csv(r.debit()), csv(r.credit()), csv(r.sourceCommand()),
                    csv(r.eventType()), csv(r.correlationId())) + "\n");
        } else {
            line.reset();
            try (JsonGenerator g = JSON.createGenerator(line)) {
                g.writeStartObject();
                g.writeNumberField("position", r.position());
                g.writeStringField("entryId", r.entryId());
                g.writeNumberField("line", r.line());
                g.writeStringField("postingDate", r.postingDate().toString());
                g.writeStringField("recordedAt", r.recordedAt().toString());
                g.writeStringField("user", r.user());
                g.writeStringField("service", r.service());
                g.writeStringField("text", r.text());
                g.writeStringField("account", r.account());
                g.writeStringField("debit", r.debit() == null ? null : r.debit().toString());
                g.writeStringField("credit", r.credit() == null ? null : r.credit().toString());
                g.writeStringField("sourceCommand", r.sourceCommand());
                g.writeStringField("eventType", r.eventType());
                g.writeStringField("correlationId", r.correlationId());
                g.writeEndObject();
            }
            line.write('\n');
            hashAndWrite(line.toByteArray());
        }
        lines++;
        debitTotal = r.debit() == null ? debitTotal : debitTotal.plus(r.debit());
        creditTotal = r.credit() == null ? creditTotal : creditTotal.plus(r.credit());
    }

    /** Writes the checksum line (not itself hashed) and flushes. */
    void finish() throws IOException {
        String checksum = "sha256:" + HexFormat.of().formatHex(sha256.digest());
        String last = format == Format.CSV
                ? "# checksum;" + checksum + ";lines;" + lines + ";debit;" + debitTotal + ";credit;" + creditTotal + "\n"
                : "{\"checksum\":\"" + checksum + "\",\"lines\":" + lines + ",\"debitTotal\":\"" + debitTotal + "\",\"creditTotal\":\""
                + creditTotal + "\"}\n";
        out.write(last.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void write(String text) throws IOException {
        hashAndWrite(text.getBytes(StandardCharsets.UTF_8));
    }

    private void hashAndWrite(byte[] bytes) throws IOException {
        sha256.update(bytes);
        out.write(bytes);
    }

    static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        boolean quote = s.indexOf(';') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
