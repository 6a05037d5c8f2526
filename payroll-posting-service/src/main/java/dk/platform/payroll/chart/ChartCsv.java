package dk.platform.payroll.chart;

import dk.platform.ledger.api.InputRules;
import dk.platform.payroll.setup.SetupException;
import dk.platform.payroll.setup.Violations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Chart lines as a CSV file: UTF-8 (a leading BOM, as Excel writes it, is ignored), {@code ;}
 * separated, a header line naming the columns, {@code employeeNo} as yes/no, blank cells for
 * absent values, and a cell holding {@code ;}, {@code "} or a line break quoted with {@code "}
 * (a quote inside doubled). Errors name the physical line of the file (a quoted line break
 * counts), so a user finds the line in an editor.
 */
public final class ChartCsv {

    public static final String HEADER = "group;wageType;seq;side;account;text;deptCode;payoutCode;inputValueCode;"
            + "optional1;optional2;optional3;optional4;optional5;optional6;employeeNo;usage";
    static final List<String> COLUMNS = List.of(HEADER.split(";"));
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private ChartCsv() {
    }

    /** One record of a file: the physical line it starts on and its cells. */
    record Row(int line, List<String> cells) {
    }

    /** The lines of a file and the physical line each came from. */
    record Parsed(List<LineInput> lines, List<Integer> where) {
    }

    static String write(List<ChartLine> lines) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (ChartLine l : lines) {
            List<String> cells = Arrays.asList(l.group(), l.wageType(), String.valueOf(l.seq()), l.side().name(), l.account(),
                    l.text(), l.deptCode(), l.payoutCode(), l.inputValueCode(), l.optional1(), l.optional2(), l.optional3(),
                    l.optional4(), l.optional5(), l.optional6(), l.employeeNo() ? "yes" : "no", l.usage().name());
            out.append(cells.stream().map(ChartCsv::quoted).collect(Collectors.joining(";"))).append("\r\n");
        }
        return out.toString();
    }

    private static String quoted(String cell) {
        if (cell == null) {
            return "";
        }
        return cell.contains(";") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** An upload's bytes, refused (413) beyond {@link #MAX_BYTES} without reading further. */
    static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw SetupException.tooLarge("a chart-lines file is at most " + MAX_BYTES + " bytes (5 MB)");
        }
        return bytes;
    }

    /**
     * Reads a chart-lines file. Format errors (encoding, header, number of cells, quotes) go to
     * {@code v}; the values themselves are checked by {@link ChartRules#lines}.
     */
    static Parsed read(byte[] bytes, Violations v) {
        String text = decode(bytes, v);
        List<LineInput> lines = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        if (text == null) {
            return new Parsed(lines, where);
        }
        List<Row> rows = rows(text, v);
        if (rows.isEmpty() || !header(rows.get(0))) {
            v.add(rows.isEmpty() ? 1 : rows.get(0).line(), null, "the first line must be the header " + HEADER);
            return new Parsed(lines, where);
        }
        for (Row row : rows.subList(1, rows.size())) {
            if (row.cells().size() != COLUMNS.size()) {
                v.add(row.line(), null, "expected " + COLUMNS.size() + " cells separated by ';', found " + row.cells().size());
                continue;
            }
            List<String> c = row.cells();
            // the rules strip a value before they check it, and strip() would take "\u001f" for blank: a
            // control character in any cell is refused here, as a JSON body with one is (issue 15)
            int control = IntStream.range(0, c.size())
                    .filter(i -> InputRules.hasControlCharacters(c.get(i), false)).findFirst().orElse(-1);
            if (control >= 0) {
                v.add(row.line(), COLUMNS.get(control), COLUMNS.get(control) + " contains a control character");
                continue;
            }
            lines.add(new LineInput(null, c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), c.get(7),
                    c.get(8), c.get(9), c.get(10), c.get(11), c.get(12), c.get(13), c.get(14), c.get(15), c.get(16)));
            where.add(row.line());
        }
        return new Parsed(lines, where);
    }

    private static boolean header(Row row) {
        List<String> cells = row.cells().stream().map(String::strip).toList();
        return cells.size() == COLUMNS.size()
                && IntStream.range(0, cells.size()).allMatch(i -> cells.get(i).equalsIgnoreCase(COLUMNS.get(i)));
    }

    /** Strict UTF-8, without a leading BOM; null (and an error naming the line) if the bytes are not UTF-8. */
    static String decode(byte[] bytes, Violations v) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            v.add(line, null, "the file is not UTF-8 (byte " + (in.position() + 1) + "); save it as \"CSV UTF-8\"");
            return null;
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Splits text into records of cells; blank records (also {@code ;;;}) are skipped. */
    static List<Row> rows(String text, Violations v) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    char next = i + 1 < text.length() ? text.charAt(i + 1) : ';';
                    if (next != ';' && next != '\n' && next != '\r') {
                        v.add(line, null, "text after a closing quote; a quote inside a quoted cell is written twice (\"\")");
                    }
                } else {
                    line += c == '\n' ? 1 : 0;
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ';') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n') {
                cells.add(cell.toString());
                addRow(rows, start, cells);
                cells = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
                start = ++line;
            } else if (c != '\r' || i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                cell.append(c);
            }
        }
        if (quoted) {
            v.add(start, null, "a quoted cell is not closed: a '\"' is missing");
        }
        cells.add(cell.toString());
        addRow(rows, start, cells);
        return rows;
    }

    private static void addRow(List<Row> rows, int line, List<String> cells) {
        if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
            rows.add(new Row(line, List.copyOf(cells)));
        }
    }
}
