package dk.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Payroll set-up and one large run through the payroll REST API, as payroll-posting-service's
 * README describes it: a copy of the standard chart SD, a sorting code, an employer, its employees
 * in one request, and the run as a CSV upload whose progress is followed on GET /api/payroll-runs/{id}.
 */
final class Payroll {

    record Outcome(long lines, double uploadSeconds, double generationSeconds, double employeesSeconds, String status,
                   long peakHeapBytes, JsonNode run) {
    }

    private Payroll() {
    }

    static Outcome run(Http payroll, String runTag, int employees, int linesPerEmployee, HeapSampler.Factory heap) throws Exception {
        String chart = "Q" + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
        String sorting = "Q" + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
        String employer = runTag + "employer";
        var copy = payroll.post("/api/charts/SD/copy", "{\"code\":\"" + chart + "\",\"description\":\"Bench\",\"validFrom\":\"2020-01-01\"}");
        if (copy.status() != 201 && copy.status() != 409) {
            Http.ok(copy, "chart copy");
        }
        Http.ok(payroll.put("/api/sorting-codes/" + sorting, "{\"description\":\"Afdeling, konto\",\"fields\":[\"department\",\"account\"],"
                + "\"pageBreak\":false}"), "sorting code");
        Http.ok(payroll.put("/api/employers/" + employer, "{\"name\":\"Bench employer\",\"sortingCode\":\"" + sorting
                + "\",\"chartPeriods\":[{\"from\":\"2020-01-01\",\"chartCode\":\"" + chart + "\"}]}"), "employer");

        // the run's wage types: the first distinct ones of the chart (SD's, which are in the catalogue)
        Set<String> wageTypes = new LinkedHashSet<>();
        for (JsonNode line : Http.ok(payroll.get("/api/charts/" + chart), "chart").json().path("lines")) {
            wageTypes.add(line.path("wageType").asText());
        }
        List<String> types = new ArrayList<>(wageTypes);
        if (types.isEmpty()) {
            throw new IllegalStateException("chart " + chart + " has no lines");
        }

        StringBuilder people = new StringBuilder("[");
        for (int e = 0; e < employees; e++) {
            if (e > 0) {
                people.append(',');
            }
            people.append("{\"employeeNo\":\"").append(1_000_000 + e).append("\",\"employment\":[{\"from\":\"2020-01-01\",\"department\":\"")
                    .append(1000 + e % 40).append("\"}]}");
        }
        people.append(']');
        long t0 = System.nanoTime();
        Http.ok(payroll.post("/api/employers/" + employer + "/employees", people.toString(), java.time.Duration.ofMinutes(10)), "employees");
        double employeesSeconds = (System.nanoTime() - t0) / 1e9;

        ByteArrayOutputStream csv = new ByteArrayOutputStream(employees * linesPerEmployee * 22);
        csv.writeBytes("employeeNo;wageType;amount\n".getBytes(StandardCharsets.UTF_8));
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int e = 0; e < employees; e++) {
            for (int l = 0; l < linesPerEmployee; l++) {
                long cents = 100 + rnd.nextInt(5_000_000);
                csv.writeBytes(((1_000_000 + e) + ";" + types.get(l % types.size()) + ";" + (cents / 100) + ","
                        + String.format(Locale.ROOT, "%02d", cents % 100) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        long lines = (long) employees * linesPerEmployee;
        String runId = runTag + "run";
        HeapSampler sampler = heap.start();
        try {
            long u0 = System.nanoTime();
            var upload = payroll.postBytes("/api/payroll-runs?runId=" + runId + "&employerId=" + employer
                    + "&dispositionDate=2026-10-29&periods=2026-10-01..2026-10-31", "text/csv", csv.toByteArray());
            Http.ok(upload, "run upload");
            long u1 = System.nanoTime();
            JsonNode run;
            String status;
            long lastLog = System.nanoTime();
            while (true) {
                run = Http.ok(payroll.get("/api/payroll-runs/" + runId), "run").json();
                status = run.path("status").asText();
                if (!"CALCULATING".equals(status)) {
                    break;
                }
                if (System.nanoTime() - lastLog > 5e9) {
                    lastLog = System.nanoTime();
                    JsonNode p = run.path("progress");
                    Bench.log(String.format(Locale.ROOT, "  payroll run: %s/%s lines, %s lines/s", p.path("linesDone").asText(),
                            p.path("linesTotal").asText(), p.path("linesPerSecond").asText()));
                }
                Thread.sleep(200);
            }
            long u2 = System.nanoTime();
            return new Outcome(lines, (u1 - u0) / 1e9, (u2 - u1) / 1e9, employeesSeconds, status, sampler.stop(), run);
        } finally {
            sampler.stop();
        }
    }
}
