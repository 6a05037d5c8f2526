package dk.platform.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every figure of a run: what was measured, ours beside the raw baseline of the same run and the
 * ratio (ours ÷ raw), and the target where it has one. Rendered as a text table, as the
 * generated part of docs/BENCHMARKS.md and as JSON.
 */
final class Results {

    record Figure(String section, String name, double value, String unit, String baselineName, Double baseline,
                  String target) {
        Double ratio() {
            return baseline == null || baseline == 0 || Double.isNaN(value) ? null : value / baseline;
        }

        boolean produced() {
            return !Double.isNaN(value) && !Double.isInfinite(value);
        }
    }

    final List<Figure> figures = new ArrayList<>();
    /** Free-form details (wait events, progress curves, sizes) kept in the JSON and listed under the table. */
    final Map<String, Object> details = new LinkedHashMap<>();
    final Map<String, String> header = new LinkedHashMap<>();

    void add(String section, String name, double value, String unit) {
        add(section, name, value, unit, null, null, null);
    }

    void add(String section, String name, double value, String unit, String baselineName, Double baseline, String target) {
        figures.add(new Figure(section, name, value, unit, baselineName, baseline, target));
        Bench.log(String.format(Locale.ROOT, "  %-58s %s%s", name, format(value, unit),
                baseline == null ? "" : String.format(Locale.ROOT, "   (raw %s %s, ratio %s)", baselineName,
                        format(baseline, unit), ratio(figures.get(figures.size() - 1).ratio()))));
    }

    void detail(String key, Object value) {
        details.put(key, value);
    }

    static String format(double v, String unit) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String number = Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v)
                : Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return number + (unit.isEmpty() ? "" : " " + unit);
    }

    static String ratio(Double r) {
        return r == null ? "" : String.format(Locale.ROOT, "%.2f", r);
    }

    String table() {
        StringBuilder b = new StringBuilder();
        String section = null;
        String rule = "-".repeat(150);
        b.append(rule).append('\n');
        b.append(String.format(Locale.ROOT, "%-60s %16s   %-32s %14s %7s   %s%n", "figure", "ours", "raw baseline", "raw", "ratio", "target"));
        for (Figure f : figures) {
            if (!f.section().equals(section)) {
                section = f.section();
                b.append(rule).append('\n').append(section).append('\n');
            }
            b.append(String.format(Locale.ROOT, "  %-58s %16s   %-32s %14s %7s   %s%n", f.name(), format(f.value(), f.unit()),
                    f.baselineName() == null ? "" : f.baselineName(),
                    f.baseline() == null ? "" : format(f.baseline(), f.unit()), ratio(f.ratio()),
                    f.target() == null ? "" : f.target()));
        }
        b.append(rule).append('\n');
        return b.toString();
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        header.forEach((k, v) -> b.append("- **").append(k).append("**: ").append(v).append('\n'));
        b.append('\n');
        String section = null;
        for (Figure f : figures) {
            if (!f.section().equals(section)) {
                section = f.section();
                b.append("\n**").append(section).append("**\n\n");
                b.append("| figure | ours | raw baseline (same run) | raw | ours ÷ raw | target |\n");
                b.append("|---|---:|---|---:|---:|---|\n");
            }
            b.append("| ").append(f.name()).append(" | ").append(format(f.value(), f.unit())).append(" | ")
                    .append(f.baselineName() == null ? "" : f.baselineName()).append(" | ")
                    .append(f.baseline() == null ? "" : format(f.baseline(), f.unit())).append(" | ")
                    .append(ratio(f.ratio())).append(" | ").append(f.target() == null ? "" : f.target()).append(" |\n");
        }
        if (!details.isEmpty()) {
            b.append("\n**Details of this run**\n\n");
            details.forEach((k, v) -> b.append("- ").append(k).append(": `").append(String.valueOf(v).replace("`", "'")).append("`\n"));
        }
        return b.toString();
    }

    void writeJson(Path file) throws IOException {
        ObjectNode root = Http.JSON.createObjectNode();
        ObjectNode h = root.putObject("header");
        header.forEach(h::put);
        ArrayNode list = root.putArray("figures");
        for (Figure f : figures) {
            ObjectNode n = list.addObject();
            n.put("section", f.section());
            n.put("name", f.name());
            if (f.produced()) {
                n.put("value", f.value());
            } else {
                n.putNull("value");
            }
            n.put("unit", f.unit());
            if (f.baseline() != null) {
                n.put("baselineName", f.baselineName());
                n.put("baseline", f.baseline());
                if (f.ratio() != null) {
                    n.put("ratio", f.ratio());
                }
            }
            if (f.target() != null) {
                n.put("target", f.target());
            }
        }
        root.set("details", Http.JSON.valueToTree(details));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
    }

    static final String BEGIN = "<!-- bench:begin (written by deploy/bench.sh; text outside these markers is kept) -->";
    static final String END = "<!-- bench:end -->";

    /** Replaces the generated part of the file (between the markers), keeping what was written by hand around it. */
    void writeMarkdown(Path file) throws IOException {
        String generated = BEGIN + "\n" + markdown() + "\n" + END;
        String text;
        if (Files.exists(file)) {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            int begin = old.indexOf(BEGIN);
            int end = old.indexOf(END);
            text = begin >= 0 && end > begin ? old.substring(0, begin) + generated + old.substring(end + END.length())
                    : old + "\n" + generated + "\n";
        } else {
            text = "# Benchmarks\n\nWritten by `deploy/bench.sh`; see the README's Benchmarks section.\n\n" + generated + "\n";
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
