package dk.platform.bench;

import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The commands the benchmark sends: two-line journal entries between the bank and one of the
 * accounts (spread over a year of posting dates), and open items of many parties. Every id starts
 * with this run's prefix, so a run never meets another run's ids and replay seeding can copy the
 * run's events under new ids by rewriting the prefix. Account numbers carry no prefix.
 */
final class Workload {

    static final String BANK = "590000";
    static final String CONTROL = "110000";
    static final String WRITE_OFF = "729000";
    static final int PARTIES = 500;

    final String prefix;
    final int accounts;
    private final AtomicLong entries = new AtomicLong();
    private final AtomicLong scenarios = new AtomicLong();

    Workload(String prefix, int accounts) {
        this.prefix = prefix;
        this.accounts = accounts;
    }

    static String account(int i) {
        return Integer.toString(300000 + i);
    }

    String nextEntryId() {
        return prefix + "je-" + String.format(Locale.ROOT, "%09d", entries.incrementAndGet());
    }

    /** An entry as {@code id} and the account that is not the bank, so its konto view can be watched. */
    record Entry(String id, String account, String json) {
    }

    Entry entry() {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        String id = nextEntryId();
        String other = account(rnd.nextInt(accounts));
        String amount = amount(100 + rnd.nextInt(1_000_000));
        LocalDate date = LocalDate.of(2025, 1, 1).plusDays(rnd.nextInt(365));
        boolean bankDebit = rnd.nextBoolean();
        String bankLine = "{\"account\":\"" + BANK + "\",\"" + (bankDebit ? "debit" : "credit") + "\":\"" + amount + "\"}";
        String otherLine = "{\"account\":\"" + other + "\",\"" + (bankDebit ? "credit" : "debit") + "\":\"" + amount + "\"}";
        String json = "{\"entryId\":\"" + id + "\",\"postingDate\":\"" + date + "\",\"text\":\"bench entry\",\"lines\":["
                + bankLine + "," + otherLine + "]}";
        return new Entry(id, other, json);
    }

    static String kafkaMessage(String commandId, String type, String payload) {
        return "{\"commandId\":\"" + commandId + "\",\"type\":\"" + type + "\",\"payload\":" + payload + ",\"sender\":\"bench\"}";
    }

    static String amount(long cents) {
        return (cents / 100) + "." + String.format(Locale.ROOT, "%02d", Math.abs(cents % 100));
    }

    /** One REST call of the open-item mix. */
    record Call(String type, String path, String json) {
    }

    /**
     * Six commands of one party: three invoices (one with two lines), a write-off on the first, a
     * payment of the first's rest (single item) and one payment of the other two (multi-item), after
     * which all three are closed.
     */
    Call[] openItemScenario() {
        long n = scenarios.incrementAndGet();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        String s = prefix + "oi-" + String.format(Locale.ROOT, "%08d", n);
        String party = prefix + "party-" + (n % PARTIES);
        LocalDate date = LocalDate.of(2025, 1, 1).plusDays(rnd.nextInt(300));
        String offset = account(rnd.nextInt(accounts));
        return new Call[] {
                new Call("RegisterOpenItem", "/api/open-items", item(s + "-a", party, date, offset, "1000.00", null)),
                new Call("RegisterOpenItem", "/api/open-items", item(s + "-b", party, date, offset, "500.00", null)),
                new Call("RegisterOpenItem", "/api/open-items", item(s + "-c", party, date, offset, "300.00",
                        "[{\"lineId\":\"l1\",\"label\":\"practitioner A\",\"amount\":\"200.00\"},"
                                + "{\"lineId\":\"l2\",\"label\":\"practitioner B\",\"amount\":\"100.00\"}]")),
                new Call("BookWriteOff", "/api/open-items/" + s + "-a/write-offs", "{\"writeOffId\":\"" + s + "-wo\",\"postingDate\":\""
                        + date.plusDays(20) + "\",\"text\":\"fee\",\"account\":\"" + WRITE_OFF + "\",\"amount\":\"10.00\"}"),
                new Call("ApplyPayment (1 item)", "/api/payments", payment(s + "-pay1", party, date.plusDays(25), "990.00",
                        "[{\"openItemId\":\"" + s + "-a\"}]")),
                new Call("ApplyPayment (2 items)", "/api/payments", payment(s + "-pay2", party, date.plusDays(25), "800.00",
                        "[{\"openItemId\":\"" + s + "-b\"},{\"openItemId\":\"" + s + "-c\"}]")),
        };
    }

    private static String item(String id, String party, LocalDate date, String offset, String amount, String lines) {
        return "{\"openItemId\":\"" + id + "\",\"kind\":\"RECEIVABLE\",\"party\":\"" + party + "\",\"documentNo\":\"" + id
                + "\",\"postingDate\":\"" + date + "\",\"dueDate\":\"" + date.plusDays(30) + "\",\"text\":\"invoice\",\"amount\":\""
                + amount + "\",\"controlAccount\":\"" + CONTROL + "\",\"offsetAccount\":\"" + offset + "\""
                + (lines == null ? "" : ",\"lines\":" + lines) + "}";
    }

    private static String payment(String id, String party, LocalDate date, String amount, String applications) {
        return "{\"paymentId\":\"" + id + "\",\"party\":\"" + party + "\",\"postingDate\":\"" + date + "\",\"text\":\"payment\","
                + "\"cashAccount\":\"" + BANK + "\",\"amount\":\"" + amount + "\",\"applications\":" + applications + "}";
    }
}
