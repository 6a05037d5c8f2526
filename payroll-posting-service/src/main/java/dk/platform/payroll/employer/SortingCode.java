package dk.platform.payroll.employer;

import dk.platform.payroll.setup.Field;

import java.util.List;

/**
 * A sorting code (SPEC §4.2): 2 characters, description of at most 30, the ordered fields a
 * voucher is grouped and subtotalled by, and whether the HTML voucher starts a new page at each
 * value of the first field.
 */
public record SortingCode(String code, String description, List<Field> fields, boolean pageBreak, long revision) {

    public SortingCode {
        fields = List.copyOf(fields);
    }
}
