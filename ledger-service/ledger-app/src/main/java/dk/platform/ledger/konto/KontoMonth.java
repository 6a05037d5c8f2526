package dk.platform.ledger.konto;

import dk.platform.ledger.api.Money;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.util.List;

/**
 * One account's totals in one month: {@code _id = number|yyyy-MM}, {@code count} postings so far,
 * {@code debit} and {@code credit} as Decimal128 (so that {@code $inc} adds them exactly), and
 * {@code recent}, the keys ({@code eventId:line}) of the last {@link #RECENT} postings counted.
 * A posting is counted by one atomic update that also appends its key to {@code recent}, unless
 * its key is there already: a redelivered event is not counted twice, and it finds its
 * posting's number ({@code count} minus its distance from the end of {@code recent}).
 * Redelivery only ever repeats the events after the last stored token (one batch), so
 * {@link #RECENT} must exceed the postings one batch can make in one account and month.
 */
final class KontoMonth {

    static final String COLLECTION = "konto_months";
    static final int RECENT = 256;

    record Totals(long count, Money debit, Money credit) {
        static Totals of(Document d) {
            return new Totals(((Number) d.get("count")).longValue(), money(d.get("debit")), money(d.get("credit")));
        }
    }

    private KontoMonth() {
    }

    static String id(String number, String month) {
        return number + "|" + month;
    }

    /** The posting number of {@code key} in a month document whose {@code recent} holds it, or -1. */
    static long numberOf(Document month, String key) {
        List<?> recent = month.getList("recent", Object.class);
        int at = recent.lastIndexOf(key);
        return at < 0 ? -1 : ((Number) month.get("count")).longValue() - (recent.size() - 1 - at);
    }

    static Decimal128 decimal(Money m) {
        return new Decimal128(m == null ? Money.ZERO.value() : m.value());
    }

    private static Money money(Object value) {
        return value == null ? Money.ZERO : new Money(((Decimal128) value).bigDecimalValue());
    }
}
