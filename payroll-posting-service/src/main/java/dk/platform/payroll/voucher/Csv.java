package dk.platform.payroll.voucher;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as a Danish Excel opens it with a double click: a byte order mark first (without it Excel
 * takes the file for Windows-1252 and shows æøå as mojibake), {@code ;} between cells (the comma
 * is the decimal separator), CR LF after each row, and a cell quoted only when it holds {@code ;},
 * {@code "} or a line break. The writer given must encode UTF-8.
 */
final class Csv {

    static final char BOM = '\uFEFF';

    private final Writer out;

    Csv(Writer out) throws IOException {
        this.out = out;
        out.write(BOM);
    }

    void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    void flush() throws IOException {
        out.flush();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(';') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
