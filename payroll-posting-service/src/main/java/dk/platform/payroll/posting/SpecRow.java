package dk.platform.payroll.posting;

import dk.platform.ledger.api.Money;

import java.util.List;

/**
 * One row of the voucher with specification: an employee's amount on a wage type, the chart and
 * chart line (1-based line number and its pattern) that posted it, the share posted (after cost
 * distribution) and the voucher line it went to (text, field values, account, debit or credit).
 * A row with no chart line says why in {@code note}.
 */
public record SpecRow(String employeeNo, String wageType, Money amount, String chart, Integer chartLineNo,
                      String chartLine, Money share, String text, List<String> values, String account, Money debit,
                      Money credit, String note) {
}
