package dk.platform.payroll.chart;

import java.util.Arrays;
import java.util.List;

/**
 * One line of a payroll chart (kontoplanlinje, SPEC §4.1). {@code group} and {@code wageType}
 * are patterns ({@code *} replaces one character; a lone {@code *} as group matches any value).
 * {@code deptCode}, {@code payoutCode} and {@code optional1..6} are {@code ANS} (take the
 * employee's value), a constant, or blank; {@code inputValueCode} is blank, {@code LØNOPL} (take
 * the run line's input value) or a constant. Blank text means the wage type's text.
 */
public record ChartLine(String group, String wageType, int seq, Side side, String account, String text,
                        String deptCode, String payoutCode, String inputValueCode,
                        String optional1, String optional2, String optional3, String optional4, String optional5,
                        String optional6, boolean employeeNo, Usage usage) {

    public static final String ANS = "ANS";
    public static final String LOENOPL = "LØNOPL";

    /** A plain line: any group, no fields, on the voucher and in the ledger. */
    public static ChartLine of(String wageType, int seq, Side side, String account, String text) {
        return new ChartLine("*", wageType, seq, side, account, text, null, null, null, null, null, null, null, null, null,
                false, Usage.VOUCHER_AND_CENTRAL);
    }

    public List<String> optionals() {
        return Arrays.asList(optional1, optional2, optional3, optional4, optional5, optional6);
    }

    public ChartLine withAccount(String newAccount) {
        return new ChartLine(group, wageType, seq, side, newAccount, text, deptCode, payoutCode, inputValueCode, optional1,
                optional2, optional3, optional4, optional5, optional6, employeeNo, usage);
    }

    public ChartLine withDeptCode(String newDeptCode) {
        return new ChartLine(group, wageType, seq, side, account, text, newDeptCode, payoutCode, inputValueCode, optional1,
                optional2, optional3, optional4, optional5, optional6, employeeNo, usage);
    }

    public ChartLine withGroup(String newGroup) {
        return new ChartLine(newGroup, wageType, seq, side, account, text, deptCode, payoutCode, inputValueCode, optional1,
                optional2, optional3, optional4, optional5, optional6, employeeNo, usage);
    }
}
