package dk.platform.ledger.audit;

import dk.platform.ledger.api.Money;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The export's bytes, exactly: rows, CSV quoting and the checksum line over everything before it. */
class JournalExportTest {

    static final JournalExport.Row DEBIT = new JournalExport.Row(7, "E-1", 1, LocalDate.of(2026, 3, 1), Instant.parse("2026-03-01T10:00:00.123456Z"),
            "mette", "payroll", "Husleje; \"marts\" æøå", "6100", Money.of("1250.00"), null, "PostJournalEntry", "JournalEntryPosted", "c-1");
    static final JournalExport.Row CREDIT = new JournalExport.Row(7, "E-1", 2, LocalDate.of(2026, 3, 1), Instant.parse("2026-03-01T10:00:00.123456Z"),
            "mette", "payroll", "Husleje; \"marts\" æøå", "5820", null, Money.of("1250.00"), "PostJournalEntry", "JournalEntryPosted", "c-1");

    @Test
    void csvQuotesTextWithSeparatorsAndEndsWithTheChecksumOfEveryByteBeforeIt() throws Exception {
        String body = write(JournalExport.Format.CSV);
        String rows = "position;entryId;line;postingDate;recordedAt;user;service;text;account;debit;credit;sourceCommand;eventType;correlationId\n"
                + "7;E-1;1;2026-03-01;2026-03-01T10:00:00.123456Z;mette;payroll;\"Husleje; \"\"marts\"\" æøå\";6100;1250.00;;PostJournalEntry;JournalEntryPosted;c-1\n"
                + "7;E-1;2;2026-03-01;2026-03-01T10:00:00.123456Z;mette;payroll;\"Husleje; \"\"marts\"\" æøå\";5820;;1250.00;PostJournalEntry;JournalEntryPosted;c-1\n";
        assertThat(body).isEqualTo(rows + "# checksum;sha256:" + sha256(rows) + ";lines;2;debit;1250.00;credit;1250.00\n");
    }

    @Test
    void jsonLinesHaveEveryFieldInOrderAndAChecksumObjectLast() throws Exception {
        String body = write(JournalExport.Format.JSON_LINES);
        String rows = "{\"position\":7,\"entryId\":\"E-1\",\"line\":1,\"postingDate\":\"2026-03-01\",\"recordedAt\":\"2026-03-01T10:00:00.123456Z\","
                + "\"user\":\"mette\",\"service\":\"payroll\",\"text\":\"Husleje; \\\"marts\\\" æøå\",\"account\":\"6100\",\"debit\":\"1250.00\",\"credit\":null,"
                + "\"sourceCommand\":\"PostJournalEntry\",\"eventType\":\"JournalEntryPosted\",\"correlationId\":\"c-1\"}\n"
                + "{\"position\":7,\"entryId\":\"E-1\",\"line\":2,\"postingDate\":\"2026-03-01\",\"recordedAt\":\"2026-03-01T10:00:00.123456Z\","
                + "\"user\":\"mette\",\"service\":\"payroll\",\"text\":\"Husleje; \\\"marts\\\" æøå\",\"account\":\"5820\",\"debit\":null,\"credit\":\"1250.00\","
                + "\"sourceCommand\":\"PostJournalEntry\",\"eventType\":\"JournalEntryPosted\",\"correlationId\":\"c-1\"}\n";
        assertThat(body).isEqualTo(rows + "{\"checksum\":\"sha256:" + sha256(rows) + "\",\"lines\":2,\"debitTotal\":\"1250.00\",\"creditTotal\":\"1250.00\"}\n");
    }

    static String write(JournalExport.Format format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JournalExport export = new JournalExport(format, out);
        export.row(DEBIT);
        export.row(CREDIT);
        export.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
