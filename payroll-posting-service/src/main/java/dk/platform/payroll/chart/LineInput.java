package dk.platform.payroll.chart;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dk.platform.support.input.StrictJson;

/**
 * A chart line as a user sends it (JSON or a CSV row), before validation: every value as text
 * ({@code seq} a JSON whole number, {@code employeeNo} a boolean, or their text; nothing else is coerced), so a wrong value is reported by field
 * instead of failing the whole request, and CSV and JSON share one set of rules. {@code lineNo}
 * is accepted (a line read with GET can be sent back as it is) and ignored: position decides.
 */
record LineInput(Integer lineNo, String group, String wageType,
                 @JsonDeserialize(using = StrictJson.ScalarAsText.class) String seq, String side, String account, String text,
                 String deptCode, String payoutCode, String inputValueCode,
                 String optional1, String optional2, String optional3, String optional4, String optional5, String optional6,
                 @JsonDeserialize(using = StrictJson.ScalarAsText.class) String employeeNo, String usage) {

    static LineInput of(ChartLine line) {
        return new LineInput(null, line.group(), line.wageType(), String.valueOf(line.seq()),
                line.side() == null ? null : line.side().name(),
                line.account(), line.text(), line.deptCode(), line.payoutCode(), line.inputValueCode(), line.optional1(),
                line.optional2(), line.optional3(), line.optional4(), line.optional5(), line.optional6(), line.employeeNo() ? "yes" : "no",
                line.usage() == null ? null : line.usage().name());
    }
}
