package dk.platform.payroll.chart;

/** A chart line as the API shows it: with its 1-based position in the chart. */
record NumberedLine(int lineNo, String group, String wageType, int seq, Side side, String account, String text,
                    String deptCode, String payoutCode, String inputValueCode,
                    String optional1, String optional2, String optional3, String optional4, String optional5, String optional6,
                    boolean employeeNo, Usage usage) {

    static NumberedLine of(int lineNo, ChartLine l) {
        return new NumberedLine(lineNo, l.group(), l.wageType(), l.seq(), l.side(), l.account(), l.text(), l.deptCode(),
                l.payoutCode(), l.inputValueCode(), l.optional1(), l.optional2(), l.optional3(), l.optional4(), l.optional5(),
                l.optional6(), l.employeeNo(), l.usage());
    }
}
