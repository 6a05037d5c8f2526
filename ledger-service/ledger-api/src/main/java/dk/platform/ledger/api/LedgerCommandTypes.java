package dk.platform.ledger.api;

import dk.platform.ledger.api.command.ApplyOpenItems;
import dk.platform.ledger.api.command.ApplyPayment;
import dk.platform.ledger.api.command.BookWriteOff;
import dk.platform.ledger.api.command.OffsetSkyldigtBeløb;
import dk.platform.ledger.api.command.OpenAccount;
import dk.platform.ledger.api.command.PaySkyldigtBeløb;
import dk.platform.ledger.api.command.PostJournalEntry;
import dk.platform.ledger.api.command.RegisterOpenItem;
import dk.platform.ledger.api.command.RegisterSkyldigtBeløb;
import dk.platform.ledger.api.command.ReverseEntry;
import dk.platform.ledger.api.command.UnapplyEntries;
import dk.platform.ledger.api.command.WriteOffSkyldigtBeløb;

import java.util.Map;
import java.util.Optional;

/** The command types the ledger accepts on {@code ledger.commands}, by their SPEC §7 names. */
public final class LedgerCommandTypes {

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            type(OpenAccount.class), type(PostJournalEntry.class), type(RegisterOpenItem.class), type(BookWriteOff.class),
            type(ApplyPayment.class), type(ApplyOpenItems.class), type(UnapplyEntries.class), type(ReverseEntry.class),
            type(RegisterSkyldigtBeløb.class), type(OffsetSkyldigtBeløb.class), type(PaySkyldigtBeløb.class),
            type(WriteOffSkyldigtBeløb.class));

    private static Map.Entry<String, Class<?>> type(Class<?> command) {
        return Map.entry(command.getSimpleName(), command);
    }

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
