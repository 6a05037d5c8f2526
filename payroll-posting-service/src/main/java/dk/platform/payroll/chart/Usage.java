package dk.platform.payroll.chart;

/**
 * Which outputs carry a chart line (SPEC §4.1): the voucher (HTML and CSV), the ledger (CENTRAL),
 * or the spreadsheet (CSV) only.
 */
public enum Usage {
    VOUCHER_AND_CENTRAL(true, true, true), VOUCHER(true, true, false), CENTRAL(false, false, true),
    SPREADSHEET(false, true, false);

    private final boolean voucher;
    private final boolean spreadsheet;
    private final boolean central;

    Usage(boolean voucher, boolean spreadsheet, boolean central) {
        this.voucher = voucher;
        this.spreadsheet = spreadsheet;
        this.central = central;
    }

    /** On the HTML voucher. */
    public boolean onVoucher() {
        return voucher;
    }

    /** On the CSV voucher (the spreadsheet). */
    public boolean onSpreadsheet() {
        return spreadsheet;
    }

    /** Posted to the ledger. */
    public boolean central() {
        return central;
    }
}
