package dk.platform.ledger.api.event;

import dk.platform.ledger.api.*;
import dk.platform.ledger.api.command.ItemLine;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** A payment was posted and applied; a non-zero {@code unapplied} stays as an open credit item with the payment's id. */
@Revision("1")
public record PaymentApplied(String paymentId, String party, OpenItemKind kind, LocalDate postingDate, String text, String cashAccount, String controlAccount, Money amount, List<AppliedAmount> applications, Money unapplied, List<PostingLine> lines) implements PostsEntry {

    @Override
    public String postedEntryId() {
        return paymentId;
    }
}
