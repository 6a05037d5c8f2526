package dk.platform.payroll.voucher;

import dk.platform.ledger.api.Money;
import dk.platform.payroll.setup.Field;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;

/** Danish column names and number and date formats shared by the voucher outputs. */
final class Danish {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private Danish() {
    }

    static String header(Field field) {
        return switch (field) {
            case DEPARTMENT -> "Afdeling";
            case PAY_TYPE -> "Lønform";
            case INPUT_VALUE_CODE -> "Inputværdikode";
            case ACCOUNT -> "Konto";
            case PAY_GROUP -> "Lønramme";
            case EMPLOYEE_NO -> "Medarbejdernr.";
            case JOB_CATEGORY -> "Stillingskategori";
            case PAYOUT_PLACE -> "Udbetalingssted";
            case OPTIONAL1, OPTIONAL2, OPTIONAL3, OPTIONAL4, OPTIONAL5, OPTIONAL6 -> "Valgfri " + (field.optionalIndex() + 1);
        };
    }

    /**
     * The positions in a line's values that get a column of their own: every sorting field but
     * the account, which always has its column just before debit and credit.
     */
    static int[] fieldColumns(List<Field> fields) {
        return IntStream.range(0, fields.size()).filter(i -> fields.get(i) != Field.ACCOUNT).toArray();
    }

    /** {@code 1234,50}: decimal comma, no thousands separator, as spreadsheets read it. */
    static String plain(Money amount) {
        return amount == null ? "" : amount.value().toPlainString().replace('.', ',');
    }

    /** {@code 1.234,50}: decimal comma and a point between thousands, for reading. */
    static String grouped(Money amount) {
        if (amount == null) {
            return "";
        }
        String plain = amount.value().abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = plain.substring(0, point);
        StringBuilder out = new StringBuilder(amount.isNegative() ? "-" : "");
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(whole.charAt(i));
        }
        return out.append(',').append(plain, point + 1, plain.length()).toString();
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
