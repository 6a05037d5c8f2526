package dk.platform.ledger.api;

import dk.platform.ledger.api.command.ApplyOpenItems;
import dk.platform.ledger.api.command.ApplyPayment;
import dk.platform.ledger.api.command.BookWriteOff;
import dk.platform.ledger.api.command.OpenAccount;
import dk.platform.ledger.api.command.PostJournalEntry;
import dk.platform.ledger.api.command.RegisterOpenItem;
import dk.platform.ledger.api.command.ReverseEntry;
import dk.platform.ledger.api.command.UnapplyEntries;

import java.util.Map;
import java.util.Optional;

/** The command types the ledger accepts on {@code ledger.commands}, by their SPEC §7 names. */
public final class LedgerCommandTypes {

    private static final Map<String, Class<?>> TYPES = Map.of(
            "OpenAccount", OpenAccount.class,
            "PostJournalEntry", PostJournalEntry.class,
            "RegisterOpenItem", RegisterOpenItem.class,
            "BookWriteOff", BookWriteOff.class,
            "ApplyPayment", ApplyPayment.class,
            "ApplyOpenItems", ApplyOpenItems.class,
            "UnapplyEntries", UnapplyEntries.class,
            "ReverseEntry", ReverseEntry.class);

    private LedgerCommandTypes() {
    }

    public static Optional<Class<?>> of(String type) {
        return Optional.ofNullable(type == null ? null : TYPES.get(type));
    }

    public static String nameOf(Object command) {
        return command.getClass().getSimpleName();
    }

    public static java.util.Set<String> names() {
        return new java.util.TreeSet<>(TYPES.keySet());
    }
}
