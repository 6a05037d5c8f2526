package dk.platform.ledger.api.command;

import dk.platform.ledger.api.*;
import java.time.LocalDate;
import java.util.List;

/** A payment through cashAccount applied to open items of one party (udligning). controlAccount and kind are only needed when no item is applied. A transactionType lets a posting definition add generated lines. */
public record ApplyPayment(String paymentId, String party, LocalDate postingDate, String text, String cashAccount, Money amount, List<Application> applications, String controlAccount, OpenItemKind kind, String transactionType) {

    public ApplyPayment(String paymentId, String party, LocalDate postingDate, String text, String cashAccount, Money amount,
                        List<Application> applications, String controlAccount, OpenItemKind kind) {
        this(paymentId, party, postingDate, text, cashAccount, amount, applications, controlAccount, kind, null);
    }
}
