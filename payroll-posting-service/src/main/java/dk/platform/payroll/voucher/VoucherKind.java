package dk.platform.payroll.voucher;

/**
 * What a voucher was generated for (SPEC §4.4): the run itself, a posting check (kontrol af
 * bogføring: the current setup, nothing posted) or a re-run of posting (omkørsel af bogføring).
 * Stored and shown by its name.
 */
public enum VoucherKind {
    RUN("lønkørsel"), CHECK("kontrol af bogføring"), REPOSTING("omkørsel af bogføring");

    private final String danish;

    VoucherKind(String danish) {
        this.danish = danish;
    }

    /** The kind as the HTML voucher names it. */
    public String danish() {
        return danish;
    }
}
