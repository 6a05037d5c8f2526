package dk.platform.payroll.run;

import java.util.ArrayList;
import java.util.List;

/** Splits one row of a `;`-separated file, with `"` quoting (a doubled `""` inside quotes is a quote). */
final class Csv {

    private Csv() {
    }

    /** @throws IllegalArgumentException if a quoted cell is not closed on the row */
    static List<String> split(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            // a quote left open would take the rest of the row as one cell: "100,00 is not 100,00 (issue 15)
            throw new IllegalArgumentException("a quoted cell is not closed");
        }
        cells.add(cell.toString());
        return cells;
    }
}
