package dk.platform.ledger.konto;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.PostingLine;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's postings in one month (the bucket pattern): {@code _id = number|yyyy-MM}.
 * A balance as of a date is the sum of the account's month totals before that month plus the
 * postings of that month up to the date, all found by key.
 */
@Document("account_months")
public class AccountMonth {

    public static final String COLLECTION = "account_months";

    public record Posting(String eventId, int line, String entryId, LocalDate postingDate, String text, Money debit, Money credit,
                          PostingLine.GeneratedBy generatedBy) {
        Money signed() {
            return (debit == null ? Money.ZERO : debit).minus(credit == null ? Money.ZERO : credit);
        }
    }

    @Id
    public String id;
    public String number;
    public String month;
    public Money debitTotal = Money.ZERO;
    public Money creditTotal = Money.ZERO;
    public List<Posting> postings = new ArrayList<>();

    static String id(String number, String month) {
        return number + "|" + month;
    }
}
