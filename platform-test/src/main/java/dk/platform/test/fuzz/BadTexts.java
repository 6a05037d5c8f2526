package dk.platform.test.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bad CSV bodies made from a valid one (issue 15), the text-level counterpart of {@link BadBodies}
 * for the endpoints that take a file: each {@link #next} breaks one cell or line of the valid
 * text in one way of a {@link Kind}. A line is split on the separator without regard to quotes,
 * so the valid text given should have no quoted separators.
 */
public final class BadTexts {

    /** The classes of bad input the generator draws from. */
    public enum Kind {
        DATE, CONTROL, HUGE, BAD_ID, EXPONENT, NUMBER_FORMAT, EXTRA_CELL, MISSING_CELL, UNBALANCED_QUOTE, JUNK_LINE, EMPTY, NOT_CSV
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+[.,]\\d{2}");
    private static final String[] BAD_DATES = {"20260101", "+12026-01-01", "-2026-01-01", "0000-01-01", "2026-01-01T00:00:00",
            "2026-02-30", "1899-12-31", "3000-01-01", "2026-1-1", "26-01-01", "2026-13-01", "٢٠٢٦-٠١-٠١"};
    private static final String[] BAD_IDS = {".", "..", "...", "a".repeat(121), "a b", "../x", "x/y", "%2e%2e", "æøå",
            "x?y", "x#y"};
    private static final char[] CONTROLS = {'\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f',
            '\u0085', '\u009f'};
    private static final String[] NOT_CSV = {"{\"a\":1}", "<xml/>", "\u0000", "\uFEFF", "\"", "\"\"\"", ";;;;", ",,,,", "\r\n\r\n",
            "null"};
    private static final String[] NUMBER_FORMATS = {"1e2", "1E+2", "0x10", "1_000.00", "NaN", "Infinity", "1.001", "١٢.٥٠",
            "99999999999999999999.00"};

    private final List<String[]> lines = new ArrayList<>();
    private final String separator;
    private final String lineEnd;
    private final Set<String> idCells;
    private final int firstDataLine;
    private final Random random;

    /**
     * @param validText     a file the endpoint accepts
     * @param separator     the cell separator, e.g. {@code ","} or {@code ";"}
     * @param idCells       the cells that hold ids or account numbers, as {@code line:cell} (both from 0)
     * @param firstDataLine the first line whose cells may be mutated (1 to leave a header row alone)
     */
    public BadTexts(String validText, String separator, Set<String> idCells, int firstDataLine, Random random) {
        this.separator = separator;
        this.lineEnd = validText.contains("\r\n") ? "\r\n" : "\n";
        for (String line : validText.split("\r?\n")) {
            lines.add(line.split(Pattern.quote(separator), -1));
        }
        this.idCells = idCells;
        this.firstDataLine = firstDataLine;
        this.random = random;
    }

    /** One generated body: what was done where, and whether the result may still be valid. */
    public record Case(Kind kind, String where, String body, boolean mayStayValid) {
        public BadBodies.Case asBodyCase() {
            return new BadBodies.Case(BadBodies.Kind.NOT_JSON, kind + " at " + where, body, mayStayValid);
        }

        public String describe() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "… (" + body.length() + " chars)" : body;
            return kind + " at " + where + ": " + shown.replace("\u0000", "\\u0000").replace("\n", "\\n").replace("\r", "\\r");
        }
    }

    public Case next() {
        while (true) {
            Case c = make(Kind.values()[random.nextInt(Kind.values().length)]);
            if (c != null) {
                return c;
            }
        }
    }

    private Case make(Kind kind) {
        switch (kind) {
            case DATE -> {
                int[] at = pickCell(v -> DATE.matcher(v).matches());
                return at == null ? null : replaced(kind, at, BAD_DATES[random.nextInt(BAD_DATES.length)], false);
            }
            case CONTROL -> {
                int[] at = pickCell(v -> true);
                String value = cell(at);
                int i = random.nextInt(value.length() + 1);
                return replaced(kind, at, value.substring(0, i) + CONTROLS[random.nextInt(CONTROLS.length)] + value.substring(i), false);
            }
            case HUGE -> {
                int[] at = pickCell(v -> true);
                String unit = random.nextBoolean() ? "A" : cell(at).isEmpty() ? "x" : cell(at);
                return replaced(kind, at, unit.repeat(BadBodies.HUGE_LENGTH / unit.length() + 1).substring(0, BadBodies.HUGE_LENGTH), false);
            }
            case BAD_ID -> {
                List<int[]> ids = new ArrayList<>();
                for (String cell : idCells) {
                    String[] parts = cell.split(":");
                    ids.add(new int[]{Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
                }
                if (ids.isEmpty()) {
                    return null;
                }
                int[] at = ids.get(random.nextInt(ids.size()));
                return replaced(kind, at, BAD_IDS[random.nextInt(BAD_IDS.length)], false);
            }
            case EXPONENT, NUMBER_FORMAT -> {
                int[] at = pickCell(v -> DECIMAL.matcher(v).matches());
                if (at == null) {
                    return null;
                }
                String value = kind == Kind.EXPONENT ? (random.nextBoolean() ? "1e2" : cell(at).replace(",", ".") + "e0")
                        : NUMBER_FORMATS[random.nextInt(NUMBER_FORMATS.length)];
                return replaced(kind, at, value, false);
            }
            case EXTRA_CELL, MISSING_CELL -> {
                int line = firstDataLine + random.nextInt(lines.size() - firstDataLine);
                List<String[]> copy = copy();
                String[] cells = copy.get(line);
                String[] changed = new String[kind == Kind.EXTRA_CELL ? cells.length + 1 : Math.max(1, cells.length - 1)];
                System.arraycopy(cells, 0, changed, 0, Math.min(cells.length, changed.length));
                if (kind == Kind.EXTRA_CELL) {
                    changed[cells.length] = random.nextBoolean() ? "x" : "";
                }
                copy.set(line, changed);
                // an optional last cell may be left out or added: the file can stay valid
                return new Case(kind, "line " + (line + 1), write(copy), true);
            }
            case UNBALANCED_QUOTE -> {
                int[] at = pickCell(v -> true);
                return replaced(kind, at, "\"" + cell(at), false);
            }
            case JUNK_LINE -> {
                String[] junk = {"xyz", "\u0000", "\"", String.join(separator, lines.get(lines.size() - 1)) + separator + "x" + separator + "y"
                        + separator + "z" + separator + "w" + separator + "v" + separator + "u" + separator + "t" + separator + "s"
                        + separator + "r" + separator + "q" + separator + "p" + separator + "o" + separator + "n" + separator + "m"
                        + separator + "l" + separator + "k" + separator + "j" + separator + "i"};
                return new Case(kind, "(end)", write(lines) + junk[random.nextInt(junk.length)] + lineEnd, false);
            }
            case EMPTY -> {
                String[] empties = {"", " ", "\n", "\r\n\t"};
                return new Case(kind, "(body)", empties[random.nextInt(empties.length)], false);
            }
            case NOT_CSV -> {
                return new Case(kind, "(body)", NOT_CSV[random.nextInt(NOT_CSV.length)], false);
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private int[] pickCell(java.util.function.Predicate<String> which) {
        List<int[]> cells = new ArrayList<>();
        for (int l = firstDataLine; l < lines.size(); l++) {
            for (int c = 0; c < lines.get(l).length; c++) {
                if (which.test(lines.get(l)[c])) {
                    cells.add(new int[]{l, c});
                }
            }
        }
        return cells.isEmpty() ? null : cells.get(random.nextInt(cells.size()));
    }

    private String cell(int[] at) {
        return lines.get(at[0])[at[1]];
    }

    private Case replaced(Kind kind, int[] at, String value, boolean mayStayValid) {
        List<String[]> copy = copy();
        copy.get(at[0])[at[1]] = value;
        return new Case(kind, "line " + (at[0] + 1) + " cell " + (at[1] + 1), write(copy), mayStayValid);
    }

    private List<String[]> copy() {
        List<String[]> copy = new ArrayList<>();
        lines.forEach(l -> copy.add(l.clone()));
        return copy;
    }

    private String write(List<String[]> text) {
        StringBuilder out = new StringBuilder();
        text.forEach(l -> out.append(String.join(separator, l)).append(lineEnd));
        return out.toString();
    }
}
