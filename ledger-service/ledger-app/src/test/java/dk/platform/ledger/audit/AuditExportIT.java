package dk.platform.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.support.Api;
import dk.platform.ledger.support.Projections;
import dk.platform.ledger.support.TestChart;
import dk.platform.test.IntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.platform.ledger.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal export of a period: its totals per account are the trial balance's movement over
 * the period, the trailing checksum verifies (and fails for a tampered line), CSV and JSON Lines
 * carry the same rows, and bad parameters are 400s.
 */
@IntegrationTest
class AuditExportIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    Api api;
    String s;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        s = UUID.randomUUID().toString().substring(0, 8);
        TestChart.open(api);
    }

    void post(String path, String body) {
        assertThat(api.post(path, json(body)).status()).as(path + " " + body).isEqualTo(201);
    }

    /** Entries in February 2027, one on either side of it, a reversal, an open item with a payment and a write-off. */
    void february() {
        post("/api/journal-entries", "{'entryId':'JAN-" + s + "','postingDate':'2027-01-31','text':'Januar','lines':["
                + "{'account':'6100','debit':'11.00'},{'account':'5820','credit':'11.00'}]}");
        post("/api/journal-entries", "{'entryId':'E-" + s + "','postingDate':'2027-02-01','text':'Husleje; \\'februar\\' æøå','lines':["
                + "{'account':'6100','debit':'1000.00'},{'account':'5820','credit':'1000.00'}]}");
        post("/api/journal-entries/E-" + s + "/reversal", "{'reversalId':'R-" + s + "','postingDate':'2027-02-28','text':'Fejl'}");
        post("/api/open-items", "{'openItemId':'INV-" + s + "','kind':'RECEIVABLE','party':'P-" + s + "','documentNo':'D1',"
                + "'postingDate':'2027-02-10','dueDate':'2027-03-10','text':'Faktura','amount':'480.00','controlAccount':'1100',"
                + "'offsetAccount':'1010'}");
        post("/api/payments", "{'paymentId':'PAY-" + s + "','party':'P-" + s + "','postingDate':'2027-02-20','text':'Indbetaling',"
                + "'cashAccount':'5820','amount':'400.00','applications':[{'openItemId':'INV-" + s + "'," + "'amount':'400.00'}]}");
        post("/api/open-items/INV-" + s + "/write-offs", "{'writeOffId':'WO-" + s + "','postingDate':'2027-02-21','text':'Gebyr',"
                + "'account':'7250','amount':'-2.50'}");
        post("/api/journal-entries", "{'entryId':'MAR-" + s + "','postingDate':'2027-03-01','text':'Marts','lines':["
                + "{'account':'6100','debit':'13.00'},{'account':'5820','credit':'13.00'}]}");
    }

    @Test
    void theExportsTotalsPerAccountAreTheTrialBalancesMovementOverThePeriodAndTheChecksumVerifies() throws Exception {
        february();
        Projections.awaitCaughtUp(processing, eventStore, List.of("konto"));

        byte[] body = export("/api/audit/export?from=2027-02-01&to=2027-02-28", null);
        assertThat(verifies(body)).isTrue();
        List<JsonNode> rows = jsonRows(body);
        JsonNode checksum = JSON.readTree(lastLine(body));
        assertThat(checksum.get("lines").asLong()).isEqualTo(rows.size());
        assertThat(checksum.get("debitTotal").asText()).isEqualTo(checksum.get("creditTotal").asText());

        Map<String, BigDecimal> exported = new HashMap<>();
        BigDecimal debit = BigDecimal.ZERO;
        for (JsonNode r : rows) {
            BigDecimal d = amount(r.get("debit"));
            BigDecimal c = amount(r.get("credit"));
            exported.merge(r.get("account").asText(), d.subtract(c), BigDecimal::add);
            debit = debit.add(d);
            assertThat(r.get("postingDate").asText()).isBetween("2027-02-01", "2027-02-28");
        }
        assertThat(checksum.get("debitTotal").asText()).isEqualTo(debit.setScale(2).toPlainString());

        Map<String, BigDecimal> end = balances(api.get("/api/trial-balance?asOf=2027-02-28").body());
        Map<String, BigDecimal> start = balances(api.get("/api/trial-balance?asOf=2027-01-31").body());
        for (String account : end.keySet()) {
            BigDecimal movement = end.get(account).subtract(start.getOrDefault(account, BigDecimal.ZERO));
            assertThat(exported.getOrDefault(account, BigDecimal.ZERO)).as("movement of %s", account).isEqualByComparingTo(movement);
        }
        assertThat(end.keySet()).containsAll(exported.keySet());

        // This test's own entries: the reversal as an entry of its own, nothing from January or March
        List<JsonNode> mine = rows.stream().filter(r -> r.get("entryId").asText().endsWith("-" + s)).toList();
        assertThat(mine).extracting(r -> r.get("entryId").asText() + "/" + r.get("line").asInt() + "/" + r.get("sourceCommand").asText())
                .containsExactly("E-" + s + "/1/PostJournalEntry", "E-" + s + "/2/PostJournalEntry",
                        "R-" + s + "/1/ReverseEntry", "R-" + s + "/2/ReverseEntry",
                        "INV-" + s + "/1/RegisterOpenItem", "INV-" + s + "/2/RegisterOpenItem",
                        "PAY-" + s + "/1/ApplyPayment", "PAY-" + s + "/2/ApplyPayment",
                        "WO-" + s + "/1/BookWriteOff", "WO-" + s + "/2/BookWriteOff");
        JsonNode first = mine.get(0);
        assertThat(first.get("text").asText()).isEqualTo("Husleje; \"februar\" æøå");
        assertThat(first.get("account").asText()).isEqualTo("6100");
        assertThat(first.get("debit").asText()).isEqualTo("1000.00");
        assertThat(first.get("credit").isNull()).isTrue();
        assertThat(first.get("eventType").asText()).isEqualTo("JournalEntryPosted");
        assertThat(first.get("user").asText()).isEqualTo("test-user");
        assertThat(first.get("service").isNull()).as("posted over REST: no service").isTrue();
        assertThat(first.get("correlationId").asText()).isNotBlank();
        assertThat(first.get("recordedAt").asText()).endsWith("Z");
        JsonNode reversal = mine.get(2);
        assertThat(reversal.get("account").asText()).isEqualTo("6100");
        assertThat(reversal.get("credit").asText()).isEqualTo("1000.00");
        assertThat(reversal.get("postingDate").asText()).isEqualTo("2027-02-28");
        assertThat(reversal.get("eventType").asText()).isEqualTo("EntryReversed");
        assertThat(rows.stream().filter(r -> r.get("position").asLong() == first.get("position").asLong()))
                .as("the lines of one entry share its event's position").hasSize(2);

        // CSV: the same rows, header first; format=csv and Accept: text/csv alike
        byte[] csv = export("/api/audit/export?from=2027-02-01&to=2027-02-28&format=csv", null);
        assertThat(Arrays.equals(csv, export("/api/audit/export?from=2027-02-01&to=2027-02-28", "text/csv"))).isTrue();
        assertThat(verifies(csv)).isTrue();
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).isEqualTo("position;entryId;line;postingDate;recordedAt;user;service;text;account;debit;credit;sourceCommand;eventType;correlationId");
        assertThat(lines).hasSize(rows.size() + 2);
        assertThat(lines[lines.length - 1]).isEqualTo("# checksum;" + "sha256:" + sha256(csv, prefixLength(csv)) + ";lines;" + rows.size()
                + ";debit;" + checksum.get("debitTotal").asText() + ";credit;" + checksum.get("creditTotal").asText());
        for (int i = 0; i < rows.size(); i++) {
            List<String> fields = csvFields(lines[i + 1]);
            JsonNode row = rows.get(i);
            assertThat(fields).hasSize(14);
            assertThat(fields).containsExactly(row.get("position").asText(), row.get("entryId").asText(), row.get("line").asText(),
                    row.get("postingDate").asText(), row.get("recordedAt").asText(), text(row.get("user")), text(row.get("service")), text(row.get("text")),
                    row.get("account").asText(), text(row.get("debit")), text(row.get("credit")), row.get("sourceCommand").asText(),
                    row.get("eventType").asText(), text(row.get("correlationId")));
        }
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains(";\"Husleje; \"\"februar\"\" æøå\";6100;1000.00;;PostJournalEntry;");
    }

    @Test
    void aTamperedLineFailsVerification() throws Exception {
        february();
        for (String format : List.of("jsonl", "csv")) {
            byte[] body = export("/api/audit/export?from=2027-02-01&to=2027-02-28&format=" + format, null);
            assertThat(verifies(body)).as(format).isTrue();
            String text = new String(body, StandardCharsets.UTF_8);
            String tampered = text.replaceFirst("1000\\.00", "100.00");
            assertThat(tampered).isNotEqualTo(text);
            assertThat(verifies(tampered.getBytes(StandardCharsets.UTF_8))).as(format).isFalse();
            String dropped = text.replaceFirst("(?m)^.*WO-" + s + ".*\n", "");
            assertThat(dropped).isNotEqualTo(text);
            assertThat(verifies(dropped.getBytes(StandardCharsets.UTF_8))).as("%s without a line", format).isFalse();
        }
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Issue 15: an entry stored before dates were strict (year 57440) must not make every period's export fail. */
    @Test
    void aPostingDateNoCalendarHasStoredBeforeTheRulesIsLeftOutInsteadOfFailingTheExport() throws Exception {
        post("/api/journal-entries", "{'entryId':'OLD-" + s + "','postingDate':'2027-05-05','text':'Gammel','lines':["
                + "{'account':'6100','debit':'7.00'},{'account':'5820','credit':'7.00'}]}");
        post("/api/journal-entries", "{'entryId':'OK-" + s + "','postingDate':'2027-05-06','text':'God','lines':["
                + "{'account':'6100','debit':'8.00'},{'account':'5820','credit':'8.00'}]}");
        for (String stored : List.of("+57440-01-01", "0000-01-01")) {
            jdbc.update("UPDATE DomainEventEntry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '2027-05-05', ?), 'UTF8')"
                    + " WHERE aggregateIdentifier = ?", stored, "OLD-" + s);
            String body = new String(export("/api/audit/export?from=2027-05-01&to=2027-05-31", null), StandardCharsets.UTF_8);
            assertThat(body).contains("OK-" + s).doesNotContain("OLD-" + s);
            jdbc.update("UPDATE DomainEventEntry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), ?, '2027-05-05'), 'UTF8')"
                    + " WHERE aggregateIdentifier = ?", stored, "OLD-" + s);
        }
    }

    @Test
    void anEmptyPeriodIsJustTheChecksumOfNothing() throws Exception {
        byte[] body = export("/api/audit/export?from=1901-01-01&to=1901-12-31", null);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"checksum\":\"sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest()) + "\",\"lines\":0,\"debitTotal\":\"0.00\",\"creditTotal\":\"0.00\"}\n");
        assertThat(verifies(body)).isTrue();
    }

    @Test
    void badParametersAreProblemJson400s() {
        for (String accept : new String[]{null, "text/csv"}) {
            bad("/api/audit/export?to=2027-02-28", accept, "from is required");
            bad("/api/audit/export?from=2027-02-01", accept, "to is required");
            bad("/api/audit/export?from=01-02-2027&to=2027-02-28", accept, "from '01-02-2027' is not a posting date");
            bad("/api/audit/export?from=2027-02-01&to=2027-02-30", accept, "to '2027-02-30' is not a posting date");
            bad("/api/audit/export?from=2027-03-01&to=2027-02-28", accept, "from 2027-03-01 is after to 2027-02-28");
            bad("/api/audit/export?from=2027-02-01&to=2027-02-28&format=xml", accept, "format 'xml' is not csv or jsonl");
        }
    }

    void bad(String path, String accept, String detail) {
        HttpHeaders headers = new HttpHeaders();
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        ResponseEntity<String> r = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(r.getStatusCode().value()).as(path).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(r.getBody()).contains(detail);
    }

    byte[] export(String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        ResponseEntity<byte[]> r = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        boolean csv = path.contains("format=csv") || "text/csv".equals(accept);
        assertThat(r.getHeaders().getContentType().toString()).startsWith(csv ? "text/csv" : "application/x-ndjson");
        return r.getBody();
    }

    /**
     * How a reader verifies an export: the last line names the SHA-256 of every byte before it;
     * hash those bytes and compare. Also checks the line count the checksum line states.
     */
    static boolean verifies(byte[] body) throws Exception {
        int prefix = prefixLength(body);
        String last = lastLine(body);
        String expected;
        long lines;
        if (last.startsWith("# checksum;")) {
            String[] f = last.split(";");
            expected = f[1];
            lines = Long.parseLong(f[3]) + 1;
        } else {
            JsonNode c = JSON.readTree(last);
            expected = c.get("checksum").asText();
            lines = c.get("lines").asLong();
        }
        long newlines = 0;
        for (int i = 0; i < prefix; i++) {
            newlines += body[i] == '\n' ? 1 : 0;
        }
        return expected.equals("sha256:" + sha256(body, prefix)) && newlines == lines;
    }

    static int prefixLength(byte[] body) {
        int end = body.length - 1;
        assertThat(body[end]).as("every line ends with a newline").isEqualTo((byte) '\n');
        int i = end - 1;
        while (i >= 0 && body[i] != '\n') {
            i--;
        }
        return i + 1;
    }

    static String lastLine(byte[] body) {
        int prefix = prefixLength(body);
        return new String(body, prefix, body.length - 1 - prefix, StandardCharsets.UTF_8);
    }

    static String sha256(byte[] body, int length) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(body, 0, length);
        return HexFormat.of().formatHex(sha.digest());
    }

    static List<JsonNode> jsonRows(byte[] body) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        String text = new String(body, 0, prefixLength(body), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }

    /** A CSV record with ';' between fields and '"' quoting ('""' inside), as the export documents. */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ';') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    static Map<String, BigDecimal> balances(JsonNode trialBalance) {
        Map<String, BigDecimal> balances = new HashMap<>();
        trialBalance.get("accounts").forEach(a -> balances.put(a.get("number").asText(), new BigDecimal(a.get("balance").asText())));
        return balances;
    }

    static BigDecimal amount(JsonNode value) {
        return value == null || value.isNull() ? BigDecimal.ZERO : new BigDecimal(value.asText());
    }

    static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.asText();
    }
}
