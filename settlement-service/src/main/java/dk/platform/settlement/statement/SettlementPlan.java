package dk.platform.settlement.statement;

import dk.platform.ledger.api.Money;
import dk.platform.ledger.api.command.Application;
import dk.platform.ledger.api.command.ApplyPayment;
import dk.platform.ledger.api.command.BookWriteOff;
import dk.platform.ledger.api.command.ReverseEntry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a statement posts, in order: every write-off (fees, rejected bills, the difference), then
 * the bank. Every id derives from the statement id, so sending any step again can never post it
 * twice: the ledger answers a known id with the same payload as REPLAYED.
 */
public record SettlementPlan(String statementId, String openItemId, String party, LocalDate settlementDate,
                             List<PlannedWriteOff> writeOffs, PlannedPayment payment) {

    public enum Purpose { FEE, REJECTED_BILL, DIFFERENCE }

    /** One BookWriteOff; {@code reference} is the rejected bill's reference (REJECTED_BILL only). */
    public record PlannedWriteOff(String writeOffId, Purpose purpose, String reference, String text, String account,
                                  Money amount, String lineId) {

    }

    /** The ApplyPayment of the bank amount to the item. */
    public record PlannedPayment(String paymentId, String cashAccount, Money amount, String text) {
    }

    public SettlementPlan {
        writeOffs = List.copyOf(writeOffs);
    }

    public static String feeId(String statementId, int number) {
        return statementId + "-fee-" + number;
    }

    public static String rejectedId(String statementId, String reference) {
        return statementId + "-rej-" + reference;
    }

    public static String differenceId(String statementId) {
        return statementId + "-diff";
    }

    public static String paymentId(String statementId) {
        return statementId + "-bank";
    }

    /** The id of the entry that reverses a posting of this statement if the statement fails. */
    public static String reversalId(String entryId) {
        return entryId + "-rev";
    }

    public Optional<PlannedWriteOff> writeOff(String writeOffId) {
        return writeOffs.stream().filter(w -> w.writeOffId().equals(writeOffId)).findFirst();
    }

    /** The ids of what this plan posts: the write-offs, then the payment. */
    public List<String> postingIds() {
        List<String> ids = new java.util.ArrayList<>(writeOffs.stream().map(PlannedWriteOff::writeOffId).toList());
        ids.add(payment.paymentId());
        return ids;
    }

    public BookWriteOff writeOffCommand(PlannedWriteOff w) {
        return new BookWriteOff(openItemId, w.writeOffId(), settlementDate, w.text(), w.account(), w.amount(), w.lineId());
    }

    public ApplyPayment paymentCommand() {
        return new ApplyPayment(payment.paymentId(), party, settlementDate, payment.text(), payment.cashAccount(),
                payment.amount(), List.of(new Application(openItemId, null, payment.amount())), null, null);
    }

    public ReverseEntry reversalCommand(String entryId) {
        return new ReverseEntry(entryId, reversalId(entryId), settlementDate, "Tilbageført: afregning " + statementId + " fejlede");
    }
}
