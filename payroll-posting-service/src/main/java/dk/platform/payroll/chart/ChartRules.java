package dk.platform.payroll.chart;

import dk.platform.ledger.api.InputRules;
import dk.platform.payroll.setup.Field;
import dk.platform.payroll.setup.SetupInput;
import dk.platform.payroll.setup.Violations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dk.platform.payroll.setup.SetupInput.blankToNull;
import static dk.platform.payroll.setup.SetupInput.hasControl;

/**
 * What makes a chart and its lines valid (SPEC §4.1), every limit in one place. Each check adds to
 * a {@link Violations} naming the field and the limit instead of stopping at the first error.
 * Whether referenced objects exist is not checked here: that is the service's business (422).
 */
public final class ChartRules {

    static final int MAX_LINES = 20_000;
    static final int DESCRIPTION_MAX = 30;
    static final int TEXT_MAX = 40;
    static final int GROUP_MAX = 20;

    private static final Pattern WAGE_TYPE_PATTERN = Pattern.compile("\\d*\\**");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._-]{1,20}");

    private ChartRules() {
    }

    // ------------------------------------------------------------------ charts

    /** A chart code, also where an employer's chart period or an employee's deviating chart names one. */
    public static void chartCode(String field, String code, Violations v) {
        if (!SetupInput.isCode(code)) {
            v.add(field, "a chart code is exactly 2 letters or digits, was " + InputRules.quote(code));
        }
    }

    static void chartHeader(String description, LocalDate validFrom, Field groupField, Violations v) {
        SetupInput.length(v, null, "description", description, 1, DESCRIPTION_MAX);
        if (validFrom == null) {
            v.add("validFrom", "validFrom is required (a date such as 2026-01-01)");
        }
        if (groupField != null && !Field.GROUP_FIELDS.contains(groupField)) {
            v.add("groupField", "groupField must be one of " + SetupInput.keys(Field.GROUP_FIELDS) + " or absent, was '"
                    + groupField.key() + "'");
        }
    }

    /** Validates lines as sent and, if each is valid, the rules over all lines of the chart. */
    static List<ChartLine> lines(List<LineInput> inputs, List<Integer> where, Field groupField, Violations v) {
        if (inputs.size() > MAX_LINES) {
            v.add("lines", "a chart has at most " + MAX_LINES + " lines, this has " + inputs.size());
            return List.of();
        }
        List<ChartLine> lines = new ArrayList<>();
        int before = v.size();
        for (int i = 0; i < inputs.size(); i++) {
            lines.add(line(inputs.get(i), where.get(i), v));
        }
        if (v.size() == before) {
            chartLines(lines, where, groupField, v);
        }
        return lines;
    }

    /** The rules over all lines of a chart: the group pattern needs a group field; one seq per wage type in a group posting. */
    static void chartLines(List<ChartLine> lines, List<Integer> where, Field groupField, Violations v) {
        if (lines.size() > MAX_LINES) {
            v.add("lines", "a chart has at most " + MAX_LINES + " lines, this has " + lines.size());
        }
        if (groupField == null) {
            for (int i = 0; i < lines.size(); i++) {
                if (!Patterns.ANY.equals(lines.get(i).group())) {
                    v.add(where.get(i), "group", "the chart has no group field, so group must be *, was '"
                            + lines.get(i).group() + "'; set the chart's groupField first");
                }
            }
            return;
        }
        Map<String, Map<Integer, List<Integer>>> seqs = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            seqs.computeIfAbsent(lines.get(i).wageType(), w -> new LinkedHashMap<>())
                    .computeIfAbsent(lines.get(i).seq(), s -> new ArrayList<>()).add(where.get(i));
        }
        seqs.forEach((wageType, bySeq) -> {
            if (bySeq.size() > 1) {
                Integer line = bySeq.values().stream().skip(1).findFirst().orElseThrow().get(0);
                v.add(line, "seq", "in a chart with a group field all lines of one wage type share one seq (SPEC 4.1), but "
                        + "wage type " + wageType + " has " + bySeq.entrySet().stream()
                        .map(e -> "seq " + e.getKey() + " on line" + (e.getValue().size() > 1 ? "s " : " ")
                                + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                        .collect(Collectors.joining(" and ")));
            }
        });
    }

    /** One line; {@code where} is the line's position (CSV line or array position) for the error report. */
    static ChartLine line(LineInput in, Integer where, Violations v) {
        if (in == null) {
            v.add(where, null, "the line is empty (null)");
            return null;
        }
        String group = blankToNull(in.group()) == null ? Patterns.ANY : in.group().strip();
        if (!Patterns.ANY.equals(group) && (!Patterns.wellFormed(group) || group.length() > GROUP_MAX || hasControl(group))) {
            v.add(where, "group", "group must be * or a pattern of at most " + GROUP_MAX
                    + " characters with * only on the right (e.g. 10**), was " + InputRules.quote(group));
        }
        String wageType = blankToNull(in.wageType());
        if (wageType == null || wageType.length() != 4 || !WAGE_TYPE_PATTERN.matcher(wageType).matches()) {
            v.add(where, "wageType", "wageType must be 4 digits or a pattern of 4 with * only on the right (e.g. 13**), was "
                    + InputRules.quote(in.wageType()));
        }
        int seq = seq(blankToNull(in.seq()));
        if (seq == 0) {
            v.add(where, "seq", "seq must be a whole number 1..99, was " + (in.seq() == null ? "missing" : InputRules.quote(in.seq())));
        }
        String sideText = blankToNull(in.side());
        Side side = "D".equalsIgnoreCase(sideText) ? Side.D : "K".equalsIgnoreCase(sideText) ? Side.K : null;
        if (side == null) {
            v.add(where, "side", "side must be D (debit) or K (credit), was " + InputRules.quote(in.side()));
        }
        String account = blankToNull(in.account());
        // the account as sent: " x" is not the account x (the ledger would refuse it at approval)
        if (account == null || !account.equals(in.account()) || !ACCOUNT.matcher(account).matches() || !InputRules.isAccount(account)) {
            v.add(where, "account", "account must be 1..20 letters, digits, '.' or '_', in segments joined by '-', was "
                    + InputRules.quote(in.account()));
        }
        String text = blankToNull(in.text());
        if (text != null && (text.length() > TEXT_MAX || hasControl(text))) {
            v.add(where, "text", "text must be at most " + TEXT_MAX + " characters without line breaks (blank: the wage"
                    + " type's text), was " + text.length());
        }
        String deptCode = code(v, where, "deptCode", in.deptCode(), 6, ChartLine.ANS);
        String payoutCode = code(v, where, "payoutCode", in.payoutCode(), 6, ChartLine.ANS);
        String inputValueCode = code(v, where, "inputValueCode", in.inputValueCode(), 10, ChartLine.LOENOPL);
        String[] optionals = {in.optional1(), in.optional2(), in.optional3(), in.optional4(), in.optional5(), in.optional6()};
        for (int i = 0; i < optionals.length; i++) {
            optionals[i] = code(v, where, "optional" + (i + 1), optionals[i], 10, ChartLine.ANS);
        }
        String employeeNoText = blankToNull(in.employeeNo());
        boolean employeeNo = employeeNoText != null && List.of("yes", "true").contains(employeeNoText.toLowerCase());
        if (employeeNoText != null && !employeeNo && !List.of("no", "false").contains(employeeNoText.toLowerCase())) {
            v.add(where, "employeeNo", "employeeNo must be yes or no (blank: no), was " + InputRules.quote(in.employeeNo()));
        }
        Usage usage = Usage.VOUCHER_AND_CENTRAL;
        if (blankToNull(in.usage()) != null) {
            try {
                usage = Usage.valueOf(in.usage().strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                usage = null;
                v.add(where, "usage", "usage must be one of " + Arrays.toString(Usage.values()) + ", was " + InputRules.quote(in.usage()));
            }
        }
        return new ChartLine(group, wageType, seq, side, account, text, deptCode, payoutCode,
                inputValueCode, optionals[0], optionals[1], optionals[2], optionals[3], optionals[4], optionals[5],
                employeeNo, usage);
    }

    /** 1..99, or 0 for anything else. */
    private static int seq(String text) {
        if (text == null || !text.matches("\\d{1,2}")) {
            return 0;
        }
        return Integer.parseInt(text);
    }

    /** A code cell: blank, the keyword, or a constant of at most {@code max} characters. */
    private static String code(Violations v, Integer where, String field, String value, int max, String keyword) {
        String code = blankToNull(value);
        if (code != null && !code.equals(keyword) && (code.length() > max || hasControl(code))) {
            v.add(where, field, field + " must be " + keyword + ", blank or a constant of at most " + max
                    + " characters, was " + InputRules.quote(code) + " (" + code.length() + ")");
        }
        return code;
    }
}
