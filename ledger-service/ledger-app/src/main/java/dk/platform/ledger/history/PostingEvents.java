package dk.platform.ledger.history;

import dk.platform.ledger.api.command.ApplyOpenItems;
import dk.platform.ledger.api.command.ApplyPayment;
import dk.platform.ledger.api.command.BookWriteOff;
import dk.platform.ledger.api.command.OffsetSkyldigtBeløb;
import dk.platform.ledger.api.command.PaySkyldigtBeløb;
import dk.platform.ledger.api.command.PostJournalEntry;
import dk.platform.ledger.api.command.RegisterOpenItem;
import dk.platform.ledger.api.command.RegisterSkyldigtBeløb;
import dk.platform.ledger.api.command.ReverseEntry;
import dk.platform.ledger.api.command.UnapplyEntries;
import dk.platform.ledger.api.command.WriteOffSkyldigtBeløb;
import dk.platform.ledger.api.event.EntryReversed;
import dk.platform.ledger.api.event.JournalEntryPosted;
import dk.platform.ledger.api.event.OpenItemRegistered;
import dk.platform.ledger.api.event.OpenItemsApplied;
import dk.platform.ledger.api.event.OpenItemsUnapplied;
import dk.platform.ledger.api.event.PaymentApplied;
import dk.platform.ledger.api.event.PostsEntry;
import dk.platform.ledger.api.event.SkyldigtBeløbOffset;
import dk.platform.ledger.api.event.SkyldigtBeløbPaid;
import dk.platform.ledger.api.event.SkyldigtBeløbRegistered;
import dk.platform.ledger.api.event.SkyldigtBeløbWrittenOff;
import dk.platform.ledger.api.event.WriteOffBooked;

import java.util.Map;
import java.util.Set;

/**
 * The events that post journal lines (every {@link PostsEntry}), each with the public command
 * that posts it. {@code PostingEventsTest} keeps the list complete. A JournalEntryPosted is also
 * what CloseYear posts; the command log tells the two apart.
 */
public final class PostingEvents {

    public static final Map<Class<? extends PostsEntry>, Class<?>> SOURCE_COMMANDS = Map.ofEntries(
            Map.entry(JournalEntryPosted.class, PostJournalEntry.class),
            Map.entry(OpenItemRegistered.class, RegisterOpenItem.class),
            Map.entry(PaymentApplied.class, ApplyPayment.class),
            Map.entry(WriteOffBooked.class, BookWriteOff.class),
            Map.entry(OpenItemsApplied.class, ApplyOpenItems.class),
            Map.entry(OpenItemsUnapplied.class, UnapplyEntries.class),
            Map.entry(EntryReversed.class, ReverseEntry.class),
            Map.entry(SkyldigtBeløbRegistered.class, RegisterSkyldigtBeløb.class),
            Map.entry(SkyldigtBeløbOffset.class, OffsetSkyldigtBeløb.class),
            Map.entry(SkyldigtBeløbPaid.class, PaySkyldigtBeløb.class),
            Map.entry(SkyldigtBeløbWrittenOff.class, WriteOffSkyldigtBeløb.class));

    public static final Set<Class<? extends PostsEntry>> TYPES = SOURCE_COMMANDS.keySet();

    private PostingEvents() {
    }
}
