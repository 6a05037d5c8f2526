package dk.platform.ledger.konto;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;

/**
 * One posting of the konto view, inserted once and never changed: {@code _id = eventId:line},
 * so a redelivered event's insert is a duplicate key. {@code slot = number|yyyy-MM|n} (unique
 * index) is its place among its account-month's postings, 1 to the month's {@code count}: a
 * month's postings are read by that key, without a secondary index or a range scan.
 */
@Document(KontoPosting.COLLECTION)
public class KontoPosting {

    public static final String COLLECTION = "konto_postings";

    @Id
    public String id;
    public String slot;
    public String eventId;
    public int line;
    public String number;
    public String month;
    public String entryId;
    public LocalDate postingDate;
    public String text;
    public Money debit;
    public Money credit;
    public PostingLine.GeneratedBy generatedBy;

    static String key(String eventId, int line) {
        return eventId + ":" + line;
    }

    static String slot(String number, String month, long n) {
        return KontoMonth.id(number, month) + "|" + n;
    }

    Money signed() {
        return (debit == null ? Money.ZERO : debit).minus(credit == null ? Money.ZERO : credit);
    }
}
