package dk.platform.payroll.run;

import dk.platform.ledger.api.Money;
import dk.platform.payroll.posting.RunLine;

/**
 * How a run's lines are kept in its input file: one tab-separated line each (employee, wage
 * type, amount, then department, payout place, account, optional1..6, input value; empty for
 * none). Values never contain tabs or line breaks (the intake refuses them).
 */
final class RunLineCodec {

    private static final int COLUMNS = 13;

    private RunLineCodec() {
    }

    static String encode(RunLine line) {
        RunLine.Overrides o = line.overrides();
        StringBuilder out = new StringBuilder(64).append(line.employeeNo()).append('\t').append(line.wageType()).append('\t')
                .append(line.amount());
        for (String value : new String[]{o.department(), o.payoutPlace(), o.account(), o.optional1(), o.optional2(),
                o.optional3(), o.optional4(), o.optional5(), o.optional6(), o.inputValue()}) {
            out.append('\t');
            if (value != null) {
                out.append(value);
            }
        }
        return out.toString();
    }

    static RunLine decode(String text) {
        String[] cells = text.split("\t", -1);
        if (cells.length != COLUMNS) {
            throw new IllegalStateException("a stored run line has " + cells.length + " columns, not " + COLUMNS);
        }
        RunLine.Overrides overrides = new RunLine.Overrides(v(cells[3]), v(cells[4]), v(cells[5]), v(cells[6]), v(cells[7]),
                v(cells[8]), v(cells[9]), v(cells[10]), v(cells[11]), v(cells[12]));
        return new RunLine(cells[0], cells[1], Money.of(cells[2]), overrides.isEmpty() ? RunLine.Overrides.NONE : overrides);
    }

    private static String v(String cell) {
        return cell.isEmpty() ? null : cell;
    }
}
