package dk.platform.ledger.api.command;

import dk.platform.ledger.api.*;
import java.time.LocalDate;
import java.util.List;

/** Applies already registered items of one party to each other without cash (efterudlign); amounts are in each item's own sign and sum to zero. A transactionType lets a posting definition add generated lines. */
public record ApplyOpenItems(String applicationId, String party, LocalDate postingDate, String text, List<Application> applications, String transactionType) {

    public ApplyOpenItems(String applicationId, String party, LocalDate postingDate, String text, List<Application> applications) {
        this(applicationId, party, postingDate, text, applications, null);
    }
}
