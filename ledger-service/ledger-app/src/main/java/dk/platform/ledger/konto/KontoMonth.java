package dk.platform.ledger.konto;

import dk.platform.ledger.api.Money;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.util.List;

/**
 * One account's totals in one month: {@code _id = number|yyyy-MM}, {@code count} postings so far,
 * {@code debit} and {@code credit} as Decimal128 (so that {@code $inc} adds them exactly), and
 * {@code recent}, the keys ({@code eventId:line}) of the postings last counted: at least those of
 * the last batch that touched the month, and never fewer than {@link #RECENT}.
 * A batch counts a posting by one atomic update per month that also appends its key to
 * {@code recent}, unless its key is there already: a redelivered batch is not counted twice, and
 * a redelivered posting finds its number ({@code count} minus its distance from the end of
 * {@code recent}). Redelivery only ever repeats the events after the last stored token (one batch),
 * so the keys of older batches are not needed: {@code recent} stays small (issue 17: with 256 keys
 * a month document was about 10 KB, rewritten whole by the Mongo-wire server on every update).
 */
final class KontoMonth {

    static final String COLLECTION = "konto_months";
    static final int RECENT = 32;

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
