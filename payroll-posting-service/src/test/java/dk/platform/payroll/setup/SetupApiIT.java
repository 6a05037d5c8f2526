package dk.platform.payroll.setup;

import com.fasterxml.jackson.databind.JsonNode;
import dk.platform.payroll.chart.Chart;
import dk.platform.payroll.chart.ChartCsv;
import dk.platform.payroll.chart.Charts;
import dk.platform.payroll.employer.Employers;
import dk.platform.payroll.employer.SortingCode;
import dk.platform.payroll.wagetype.WageTypes;
import dk.platform.test.IntegrationTest;
import dk.platform.test.TestIdentities;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The setup API on the real app (Mongo-wire server, Kafka). All tests share one app and one
 * database, so each works on its own chart, sorting code and employer codes.
 */
@IntegrationTest
class SetupApiIT {

    static final String LINE_1100 = """
            {"group":"*","wageType":"1100","seq":1,"side":"D","account":"101-66100","text":"Månedsløn"}""";

    @Autowired
    TestRestTemplate http;
    @Autowired
    SetupStore store;
    @Autowired
    Charts charts;
    @Autowired
    Employers employers;
    @Autowired
    WageTypes wageTypes;

    // ------------------------------------------------------------------ SD

    @Test
    void sdIsLoadedAtStartUpWithItsWageTypesAndRefusesEveryEditWith422() {
        JsonNode list = get("/api/charts").getBody();
        JsonNode sd = find(list, "SD");
        assertThat(sd.get("readOnly").asBoolean()).isTrue();
        assertThat(sd.get("lineCount").asInt()).isEqualTo(73);
        assertThat(sd.get("description").asText()).isEqualTo("SD standardkontoplan");
        assertThat(sd.get("validFrom").asText()).isEqualTo("2000-01-01");
        assertThat(sd.has("groupField")).isFalse();

        JsonNode chart = get("/api/charts/SD").getBody();
        assertThat(chart.get("lines")).hasSize(73);
        assertThat(chart.at("/lines/0/lineNo").asInt()).isEqualTo(1);
        assertThat(chart.at("/lines/72/lineNo").asInt()).isEqualTo(73);
        assertThat(wageTypes.wageTypeTexts()).containsEntry("9815", "Pension Skyldig").hasSizeGreaterThanOrEqualTo(71);
        assertThat(charts.chart("SD")).get().extracting(Chart::readOnly).isEqualTo(true);

        assertProblem(put("/api/charts/SD", """
                {"description":"Mit SD","validFrom":"2026-01-01"}"""), 422, "read-only");
        assertProblem(put("/api/charts/SD/lines", "[" + LINE_1100 + "]"), 422, "read-only");
        assertProblem(post("/api/charts/SD/lines", LINE_1100), 422, "copy it");
        assertProblem(put("/api/charts/SD/lines/1", LINE_1100), 422, "read-only");
        assertProblem(exchange(HttpMethod.DELETE, "/api/charts/SD/lines/1", null, MediaType.APPLICATION_JSON, "u"), 422, "read-only");
        assertProblem(putCsv("SD", ChartCsv.HEADER + "\n", "u"), 422, "read-only");
        assertThat(get("/api/charts/SD").getBody().get("lines")).hasSize(73);
    }

    @Test
    void copyingSdGivesAnEditableCopyWithTheSameLinesAndASecondCopyToTheCodeIs409() {
        ResponseEntity<JsonNode> copy = copySd("A1", "anne");
        assertThat(copy.getStatusCode().value()).isEqualTo(201);
        assertThat(copy.getHeaders().getLocation()).hasToString("/api/charts/A1");
        assertThat(copy.getBody().get("readOnly").asBoolean()).isFalse();
        assertThat(copy.getBody().get("description").asText()).isEqualTo("Kommunens kontoplan");
        assertThat(copy.getBody().get("lines")).isEqualTo(get("/api/charts/SD").getBody().get("lines"));

        assertProblem(copySd("A1", "anne"), 409, "exists already");
        assertProblem(copySd("SD", "anne"), 409, "exists already");
        assertProblem(post("/api/charts/ZZ/copy", """
                {"code":"A9"}"""), 404, "'ZZ' does not exist");
        assertProblem(post("/api/charts/SD/copy", """
                {"code":"A-9"}"""), 400, "exactly 2 letters or digits");
    }

    // ------------------------------------------------------------------ lines

    @Test
    void linesAreChangedAddedAndDeletedByTheirLineNumber() {
        copySd("B1", "u");
        ResponseEntity<JsonNode> changed = put("/api/charts/B1/lines/1", """
                {"group":"*","wageType":"8651","seq":1,"side":"D","account":"101-00080","text":"Jubilæum skattefri"}""");
        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(changed.getBody().get("lineNo").asInt()).isEqualTo(1);
        put("/api/charts/B1/lines/2", """
                {"lineNo":2,"group":"*","wageType":"9796","seq":1,"side":"D","account":"101-00020","usage":"VOUCHER"}""");

        JsonNode chart = get("/api/charts/B1").getBody();
        assertThat(chart.at("/lines/0/account").asText()).isEqualTo("101-00080");
        assertThat(chart.at("/lines/1/account").asText()).isEqualTo("101-00020");
        assertThat(chart.at("/lines/1/usage").asText()).isEqualTo("VOUCHER");
        assertThat(chart.at("/lines/1/text").isMissingNode()).as("blank text: the wage type's").isTrue();
        assertThat(chart.at("/lines/2").get("account").asText()).isEqualTo("0000000010");

        ResponseEntity<JsonNode> added = post("/api/charts/B1/lines", LINE_1100);
        assertThat(added.getStatusCode().value()).isEqualTo(201);
        assertThat(added.getBody().get("lineNo").asInt()).isEqualTo(74);
        assertThat(added.getHeaders().getLocation()).hasToString("/api/charts/B1/lines/74");
        assertThat(get("/api/charts/B1/lines/74").getBody().get("wageType").asText()).isEqualTo("1100");

        JsonNode afterDelete = exchange(HttpMethod.DELETE, "/api/charts/B1/lines/1", null, MediaType.APPLICATION_JSON, "u").getBody();
        assertThat(afterDelete.get("lineCount").asInt()).isEqualTo(73);
        assertThat(afterDelete.at("/lines/0/account").asText()).isEqualTo("101-00020");
        assertProblem(put("/api/charts/B1/lines/74", LINE_1100), 404, "no line 74");
        assertProblem(put("/api/charts/B1/lines/1", """
                {"wageType":"1100","seq":0,"side":"X","account":"101-66100"}"""), 400, "seq must be a whole number 1..99");
    }

    @Test
    void aDepartmentIntervalLineNeedsTheGroupFieldAndOneSeqPerWageType() {
        copySd("C1", "u");
        String interval = """
                {"group":"10**","wageType":"1100","seq":1,"side":"D","account":"101-66100-150","deptCode":"ANS"}""";
        assertProblem(post("/api/charts/C1/lines", interval), 400, "no group field");

        ResponseEntity<JsonNode> grouped = put("/api/charts/C1", """
                {"description":"Gruppekontering","validFrom":"2026-01-01","groupField":"department"}""");
        assertThat(grouped.getStatusCode().value()).isEqualTo(200);
        assertThat(grouped.getBody().get("groupField").asText()).isEqualTo("department");

        ResponseEntity<JsonNode> added = post("/api/charts/C1/lines", interval);
        assertThat(added.getStatusCode().value()).isEqualTo(201);
        assertThat(added.getBody().get("group").asText()).isEqualTo("10**");
        assertThat(added.getBody().get("deptCode").asText()).isEqualTo("ANS");
        assertThat(charts.chart("C1")).get().satisfies(c -> {
            assertThat(c.groupField()).isEqualTo(Field.DEPARTMENT);
            assertThat(c.lines().get(73).group()).isEqualTo("10**");
        });

        ResponseEntity<JsonNode> otherSeq = post("/api/charts/C1/lines", """
                {"group":"20**","wageType":"1100","seq":2,"side":"D","account":"101-66100-250"}""");
        assertProblem(otherSeq, 400, "all lines of one wage type share one seq");
        assertThat(otherSeq.getBody().at("/errors/0/line").asInt()).isEqualTo(75);
        assertProblem(put("/api/charts/C1", """
                {"description":"Uden gruppe","validFrom":"2026-01-01"}"""), 400, "no group field");
        assertProblem(put("/api/charts/C1", """
                {"description":"Konto som gruppe","validFrom":"2026-01-01","groupField":"account"}"""), 400, "groupField must be one of");
    }

    // ------------------------------------------------------------------ CSV

    @Test
    void chartLinesExportedAsCsvImportBackUnchangedAndAnEditedFileReplacesThem() {
        copySd("D1", "u");
        post("/api/charts/D1/lines", """
                {"wageType":"1100","seq":1,"side":"D","account":"101-66100","text":"Løn; \\"fast\\"","employeeNo":true}""");
        ResponseEntity<String> export = http.getForEntity("/api/charts/D1/lines.csv", String.class);
        assertThat(export.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(export.getBody()).startsWith(ChartCsv.HEADER).contains("\"Løn; \"\"fast\"\"\"", ";yes;VOUCHER_AND_CENTRAL");
        JsonNode before = get("/api/charts/D1").getBody();

        ResponseEntity<JsonNode> same = putCsv("D1", "\uFEFF" + export.getBody(), "u");
        assertThat(same.getStatusCode().value()).isEqualTo(200);
        assertThat(same.getBody()).isEqualTo(before);

        ResponseEntity<JsonNode> edited = putCsv("D1", export.getBody().replace("0000000080", "101-00080")
                + "10**;1200;1;K;101-12000;;;;;;;;;;;no;CENTRAL\r\n", "u");
        assertProblem(edited, 400, "no group field"); // a group pattern needs the chart's group field
        ResponseEntity<JsonNode> imported = putCsv("D1", export.getBody().replace("0000000080", "101-00080")
                + "*;1200;1;K;101-12000;;;;;;;;;;;no;CENTRAL\r\n", "u");
        assertThat(imported.getStatusCode().value()).isEqualTo(200);
        assertThat(imported.getBody().get("lineCount").asInt()).isEqualTo(75);
        assertThat(imported.getBody().at("/lines/0/account").asText()).isEqualTo("101-00080");
        assertThat(imported.getBody().at("/lines/74/usage").asText()).isEqualTo("CENTRAL");
    }

    @Test
    void aCsvWithTwoBadLinesIs400ListingBothLineNumbersAndImportsNothing() {
        copySd("E1", "u");
        JsonNode before = get("/api/charts/E1").getBody();
        String csv = ChartCsv.HEADER + "\n"
                + "*;1100;1;D;101-66100;Månedsløn;;;;;;;;;;no;\n"
                + "*;1100;1;Q;101-66100;;;;;;;;;;;no;\n"
                + "*;1200;1;K;101-12000;;;;;;;;;;;no;\n"
                + "*;12;1;K;konto med mellemrum;;;;;;;;;;;no;\n";
        ResponseEntity<JsonNode> refused = putCsv("E1", csv, "u");

        assertProblem(refused, 400, "line 3: side");
        assertThat(refused.getBody().get("errors")).extracting(e -> e.get("line").asInt()).containsExactly(3, 5, 5);
        assertThat(refused.getBody().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("side", "wageType", "account");
        assertThat(get("/api/charts/E1").getBody()).isEqualTo(before);

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> notCsv = http.exchange("/api/charts/E1/lines.csv", HttpMethod.PUT,
                new HttpEntity<>("[]", headers), JsonNode.class);
        assertThat(notCsv.getStatusCode().value()).isEqualTo(415);
    }

    // ------------------------------------------------------------------ sorting codes, employers, employees

    @Test
    void sortingCodeEmployerAndEmployeesAreStoredReadBackAndRepeatedPutsChangeNothing() {
        copySd("F1", "u");
        String sorting = """
                {"description":"Afdeling og konto","fields":["department","account","employeeNo"],"pageBreak":true}""";
        ResponseEntity<JsonNode> created = put("/api/sorting-codes/F1", sorting);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        long revision = created.getBody().get("revision").asLong();
        ResponseEntity<JsonNode> again = put("/api/sorting-codes/F1", sorting);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("revision").asLong()).isEqualTo(revision);
        assertThat(get("/api/sorting-codes/F1").getBody().get("fields")).extracting(JsonNode::asText)
                .containsExactly("department", "account", "employeeNo");
        assertThat(employers.sortingCode("F1")).get().extracting(SortingCode::pageBreak).isEqualTo(true);
        assertProblem(put("/api/sorting-codes/F2", """
                {"description":"Dobbelt","fields":["account","account"]}"""), 400, "must not repeat");

        assertProblem(put("/api/employers/EMP-F", """
                {"name":"Kommunen","sortingCode":"QQ","chartPeriods":[{"from":"2026-01-01","chartCode":"F1"}]}"""), 422, "sorting code 'QQ'");
        assertProblem(put("/api/employers/EMP-F", """
                {"name":"Kommunen","sortingCode":"F1","chartPeriods":[{"from":"2026-01-01","chartCode":"Q9"}]}"""), 422, "unknown chart Q9");
        ResponseEntity<JsonNode> employer = put("/api/employers/EMP-F", """
                {"name":"Kommunen","sortingCode":"F1","chartPeriods":[{"from":"2026-01-01","chartCode":"F1"},{"from":"2020-01-01","chartCode":"SD"}]}""");
        assertThat(employer.getStatusCode().value()).isEqualTo(201);
        assertThat(get("/api/employers/EMP-F").getBody().at("/chartPeriods/0/chartCode").asText()).isEqualTo("SD");
        assertThat(employers.employer("EMP-F")).get().satisfies(e -> assertThat(e.chartOn(LocalDate.of(2026, 3, 31))).contains("F1"));

        String employee = """
                {"employment":[{"from":"2026-01-01","department":"1010","payoutPlace":"P1","deviatingChart":"F1"}],
                 "distributions":[{"wageType":"1100","from":"2026-01-01","field":"department","value":"1020","percent":40},
                                  {"wageType":"1100","from":"2026-01-01","to":"2026-06-30","field":"department","value":"1030","amount":"1500.00"}]}""";
        ResponseEntity<JsonNode> stored = put("/api/employers/EMP-F/employees/1001", employee);
        assertThat(stored.getStatusCode().value()).isEqualTo(201);
        assertThat(stored.getBody().at("/distributions/1/amount").asText()).isEqualTo("1500.00");
        assertThat(put("/api/employers/EMP-F/employees/1001", employee).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/employers/EMP-F/employees/1001").getBody().at("/employment/0/department").asText()).isEqualTo("1010");
        assertThat(employers.employee("EMP-F", "1001")).get()
                .satisfies(e -> assertThat(e.distributionsOf("1100", LocalDate.of(2026, 2, 1))).hasSize(2));

        ResponseEntity<JsonNode> wrongField = put("/api/employers/EMP-F/employees/1002", """
                {"employment":[{"from":"2026-01-01","department":"1010"}],
                 "distributions":[{"wageType":"1100","from":"2026-01-01","field":"payoutPlace","value":"P2","percent":50}]}""");
        assertProblem(wrongField, 400, "'payoutPlace' is not in the employer's sorting code F1");
        assertThat(wrongField.getBody().at("/errors/0/field").asText()).isEqualTo("distributions[0].field");
        for (String percent : new String[]{"\"50\"", "1e2"}) { // issue 15: a percent is a plain JSON number
            assertProblem(put("/api/employers/EMP-F/employees/1002", """
                    {"employment":[{"from":"2026-01-01","department":"1010"}],
                     "distributions":[{"wageType":"1100","from":"2026-01-01","field":"department","value":"1020","percent":%s}]}"""
                    .formatted(percent)), 400, "field 'distributions[0].percent'");
        }
        assertProblem(get("/api/employers/EMP-F/employees/1002"), 404, "no employee '1002'");
        assertProblem(put("/api/employers/NOBODY/employees/1002", employee), 404, "employer 'NOBODY' does not exist");
    }

    @Test
    void manyEmployeesAreUpsertedInOneRequestAndAllOrNoneAreStored() {
        copySd("G1", "u");
        put("/api/sorting-codes/G1", """
                {"description":"Afdeling","fields":["department"]}""");
        put("/api/employers/EMP-G", """
                {"name":"Regionen","sortingCode":"G1","chartPeriods":[{"from":"2026-01-01","chartCode":"G1"}]}""");
        StringBuilder body = new StringBuilder("[");
        for (int i = 1; i <= 1500; i++) {
            body.append(i > 1 ? "," : "").append("""
                    {"employeeNo":"%d","employment":[{"from":"2026-01-01","department":"10%02d"}]}""".formatted(i, i % 100));
        }
        ResponseEntity<JsonNode> bulk = post("/api/employers/EMP-G/employees", body.append("]").toString());
        assertThat(bulk.getStatusCode().value()).isEqualTo(200);
        assertThat(bulk.getBody().get("created").asInt()).isEqualTo(1500);
        assertThat(employers.employeesOf("EMP-G")).hasSize(1500).containsKey("1500");
        assertThat(employers.employeesOf("EMP-F")).doesNotContainKeys("1", "1500");

        ResponseEntity<JsonNode> refused = post("/api/employers/EMP-G/employees", """
                [{"employeeNo":"1","employment":[{"from":"2026-01-01","department":"2000"}]},
                 {"employeeNo":"X-2","employment":[]}]""");
        assertProblem(refused, 400, "line 2: employeeNo");
        assertThat(refused.getBody().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("employeeNo", "employment");
        assertThat(employers.employee("EMP-G", "1")).get().satisfies(e -> assertThat(e.employment().get(0).department()).isEqualTo("1001"));

        ResponseEntity<JsonNode> mixed = post("/api/employers/EMP-G/employees", """
                [{"employeeNo":"1","employment":[{"from":"2026-01-01","department":"2000"}]},
                 {"employeeNo":"2","employment":[{"from":"2026-01-01","department":"1002"}]},
                 {"employeeNo":"9999","employment":[{"from":"2026-01-01","department":"1002"}]}]""");
        assertThat(mixed.getBody().get("created").asInt()).isEqualTo(1);
        assertThat(mixed.getBody().get("updated").asInt()).isEqualTo(1);
        assertThat(mixed.getBody().get("unchanged").asInt()).isEqualTo(1);
        assertThat(mixed.getBody().get("revision").asLong()).isEqualTo(store.revision());
    }

    @Test
    void wageTypesAreCreatedAndRenamedAndValidated() {
        ResponseEntity<JsonNode> created = put("/api/wage-types/1101", """
                {"text":"Tillæg"}""");
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(put("/api/wage-types/1101", """
                {"text":"Fast tillæg"}""").getStatusCode().value()).isEqualTo(200);
        assertThat(wageTypes.wageTypeTexts()).containsEntry("1101", "Fast tillæg");
        assertThat(wageTypes.wageTypeCodes()).contains("1101", "9815");
        assertThat(get("/api/wage-types").getBody().findValuesAsText("code")).contains("1101");
        assertProblem(put("/api/wage-types/11", """
                {"text":""}"""), 400, "4 digits");
    }

    // ------------------------------------------------------------------ history

    @Test
    void theHistoryListsEveryChangeWithItsUserAndAChartCanBeReadAsOfAnEarlierRevision() {
        long start = store.revision();
        ResponseEntity<JsonNode> copy = copySd("H1", "mette");
        long copied = copy.getBody().get("revision").asLong();
        put("/api/charts/H1/lines/1", """
                {"wageType":"8651","seq":1,"side":"D","account":"H-80"}""", "jens");
        put("/api/charts/H1", """
                {"description":"Ny tekst","validFrom":"2026-02-01"}""", "");
        assertThat(store.revision()).isEqualTo(start + 3);

        List<JsonNode> mine = new ArrayList<>();
        get("/api/setup/history?from=" + copied + "&limit=1000").getBody()
                .forEach(e -> { if (e.get("key").asText().equals("H1")) mine.add(e); });
        assertThat(mine).extracting(e -> e.get("kind").asText()).containsExactly("chart", "chartLines", "chart");
        assertThat(mine).extracting(e -> e.get("by").asText()).containsExactly("mette", "jens", TestIdentities.ALL_ROLES_KEY_NAME);
        assertThat(mine).extracting(e -> e.get("action").asText()).containsExactly("copy from SD", "updateLine 1", "update");
        assertThat(mine.get(0).get("revision").asLong()).isEqualTo(copied);
        assertThat(mine.get(0).get("at").asText()).isNotBlank();
        assertThat(mine.get(1).at("/after/lines/0/account").asText()).isEqualTo("H-80");
        assertThat(mine.get(2).at("/after/description").asText()).isEqualTo("Ny tekst");

        JsonNode asCopied = get("/api/charts/H1?revision=" + copied).getBody();
        assertThat(asCopied.at("/lines/0/account").asText()).isEqualTo("0000000080");
        assertThat(asCopied.get("description").asText()).isEqualTo("Kommunens kontoplan");
        assertThat(asCopied.get("revision").asLong()).isEqualTo(copied);
        assertThat(get("/api/charts/H1?revision=" + (mine.get(1).get("revision").asLong())).getBody().at("/lines/0/account").asText())
                .isEqualTo("H-80");
        assertThat(get("/api/charts/H1").getBody().get("description").asText()).isEqualTo("Ny tekst");
        assertProblem(get("/api/charts/H1?revision=" + (copied - 1)), 404, "did not exist yet");

        assertThat(get("/api/setup/history?from=1&limit=2").getBody()).extracting(e -> e.get("revision").asLong()).containsExactly(1L, 2L);
        assertThat(get("/api/setup/history").getBody().get(0).get("by").asText()).isEqualTo("system");
        assertProblem(get("/api/setup/history?limit=1001"), 400, "limit must be 1..1000");
        assertThat(get("/api/setup/revision").getBody().get("revision").asLong()).isEqualTo(store.revision());
    }

    @Test
    void aChangeBasedOnAStaleRevisionIs409AndLeavesNeitherHistoryNorRevision() {
        copySd("J1", "u");
        Chart read = charts.chart("J1").orElseThrow();
        put("/api/charts/J1/lines/1", LINE_1100); // someone else changes J1 meanwhile
        long revision = store.revision();

        SetupStore.Change<Chart> stale = new SetupStore.Change<>("J1", read.revision(), "update",
                r -> new Chart("J1", "Forældet", read.validFrom(), null, false, read.lines(), r));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.save(SetupKind.CHART, "u", stale))
                .isInstanceOfSatisfying(SetupException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("chart J1 was changed by someone else meanwhile");
                });
        assertThat(store.revision()).isEqualTo(revision);
        assertThat(store.history(revision + 1, 10)).isEmpty();
        assertThat(charts.chart("J1").orElseThrow().lines().get(0).wageType()).isEqualTo("1100");
    }

    // ------------------------------------------------------------------ helpers

    private ResponseEntity<JsonNode> copySd(String code, String user) {
        return exchange(HttpMethod.POST, "/api/charts/SD/copy", """
                {"code":"%s","description":"Kommunens kontoplan","validFrom":"2026-01-01"}""".formatted(code),
                MediaType.APPLICATION_JSON, user);
    }

    private ResponseEntity<JsonNode> get(String path) {
        return http.getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(String path, String json) {
        return put(path, json, "");
    }

    private ResponseEntity<JsonNode> put(String path, String json, String user) {
        return exchange(HttpMethod.PUT, path, json, MediaType.APPLICATION_JSON, user);
    }

    private ResponseEntity<JsonNode> post(String path, String json) {
        return exchange(HttpMethod.POST, path, json, MediaType.APPLICATION_JSON, "");
    }

    private ResponseEntity<JsonNode> putCsv(String code, String csv, String user) {
        return exchange(HttpMethod.PUT, "/api/charts/" + code + "/lines.csv", csv.getBytes(StandardCharsets.UTF_8),
                MediaType.parseMediaType("text/csv"), user);
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, MediaType type, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        if (!user.isEmpty()) {
            headers.setBearerAuth(TestIdentities.token(user, "payroll"));
        }
        headers.set("X-User", "mallory"); // ignored: the record names the authenticated subject
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status, String detail) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getBody().get("detail").asText()).contains(detail);
    }

    private static JsonNode find(JsonNode charts, String code) {
        for (JsonNode chart : charts) {
            if (chart.get("code").asText().equals(code)) {
                return chart;
            }
        }
        throw new AssertionError("no chart " + code + " in " + charts);
    }
}
