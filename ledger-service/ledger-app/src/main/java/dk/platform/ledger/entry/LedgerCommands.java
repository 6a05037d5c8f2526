package dk.platform.ledger.entry;

import dk.platform.ledger.account.Account;
import dk.platform.ledger.debt.DebtAccounts;
import dk.platform.ledger.api.PostingLine;
import dk.platform.ledger.api.command.ApplyOpenItems;
import dk.platform.ledger.api.command.ApplyPayment;
import dk.platform.ledger.api.command.BookWriteOff;
import dk.platform.ledger.api.command.CloseYear;
import dk.platform.ledger.api.command.OffsetSkyldigtBeløb;
import dk.platform.ledger.api.command.PaySkyldigtBeløb;
import dk.platform.ledger.api.command.RegisterSkyldigtBeløb;
import dk.platform.ledger.api.command.WriteOffSkyldigtBeløb;
import dk.platform.ledger.api.command.OpenAccount;
import dk.platform.ledger.api.command.PostJournalEntry;
import dk.platform.ledger.api.command.RegisterOpenItem;
import dk.platform.ledger.api.command.ReverseEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * For each public command: the client id that makes it idempotent and the accounts it posts
 * to. Entry-posting commands share one id space (an entry's id is its command's id, SPEC §0).
 */
final class LedgerCommands {

    private LedgerCommands() {
    }

    /** The id under which the command is logged, or empty for commands that are not idempotent by id. */
    static Optional<String> clientId(Object command) {
        String id = null;
        if (command instanceof PostJournalEntry c) {
            id = c.entryId();
        } else if (command instanceof RegisterOpenItem c) {
            id = c.openItemId();
        } else if (command instanceof ApplyPayment c) {
            id = c.paymentId();
        } else if (command instanceof BookWriteOff c) {
            id = c.writeOffId();
        } else if (command instanceof ApplyOpenItems c) {
            id = c.applicationId();
        } else if (command instanceof ReverseEntry c) {
            id = c.reversalId();
        } else if (command instanceof RegisterSkyldigtBeløb c) {
            id = c.debtId();
        } else if (command instanceof OffsetSkyldigtBeløb c) {
            id = c.offsetId();
        } else if (command instanceof PaySkyldigtBeløb c) {
            id = c.paymentId();
        } else if (command instanceof WriteOffSkyldigtBeløb c) {
            id = c.writeOffId();
        } else if (command instanceof CloseYear c) {
            id = c.closingId();
        } else if (command instanceof OpenAccount c && c.number() != null) {
            id = Account.ID_PREFIX + c.number();
        }
        return Optional.ofNullable(id);
    }

    /** The aggregate that holds the entry a command posts (a reversal lives on its original). */
    static String aggregateOf(Object command, String clientId) {
        if (command instanceof ReverseEntry r) {
            return r.entryId();
        }
        if (command instanceof OffsetSkyldigtBeløb c) {
            return c.debtId();
        }
        if (command instanceof PaySkyldigtBeløb c) {
            return c.debtId();
        }
        return command instanceof WriteOffSkyldigtBeløb c ? c.debtId() : clientId;
    }

    /** Whether a logged command type is a step of an employee debt (those live on the debt, not on an entry). */
    static boolean isDebtCommand(String commandType) {
        return DEBT_COMMANDS.contains(commandType);
    }

    private static final java.util.Set<String> DEBT_COMMANDS = java.util.Set.of(RegisterSkyldigtBeløb.class.getSimpleName(),
            OffsetSkyldigtBeløb.class.getSimpleName(), PaySkyldigtBeløb.class.getSimpleName(), WriteOffSkyldigtBeløb.class.getSimpleName());

    /**
     * The accounts a command posts to other than as an open item's control account: a plain
     * entry's lines, an item's offset account, a payment's cash account, a write-off's alternative
     * account, a debt's accounts. None of them may be a control account (SPEC §1.1).
     */
    static List<String> plainAccounts(Object command, DebtAccounts debtAccounts) {
        List<String> accounts = new ArrayList<>();
        if (command instanceof PostJournalEntry || isDebtCommand(command.getClass().getSimpleName())) {
            accounts.addAll(accounts(command, debtAccounts));
        } else if (command instanceof RegisterOpenItem c) {
            accounts.add(c.offsetAccount());
        } else if (command instanceof ApplyPayment c) {
            accounts.add(c.cashAccount());
        } else if (command instanceof BookWriteOff c) {
            accounts.add(c.account());
        }
        accounts.removeIf(a -> a == null || a.isBlank());
        return accounts;
    }

    /** The control account a command's new open item would use (an invoice, or a payment's unapplied rest), or null. */
    static String newItemControlAccount(Object command) {
        if (command instanceof RegisterOpenItem c) {
            return c.controlAccount();
        }
        return command instanceof ApplyPayment c ? c.controlAccount() : null;
    }

    /** The accounts a command names, which must exist (SPEC §1.1); debt commands also post to the configured debt accounts. */
    static List<String> accounts(Object command, DebtAccounts debtAccounts) {
        List<String> accounts = new ArrayList<>();
        if (isDebtCommand(command.getClass().getSimpleName())) {
            accounts.add(debtAccounts.debtAccount());
            accounts.add(debtAccounts.writeOffAccount());
        }
        if (command instanceof PostJournalEntry c && c.lines() != null) {
            c.lines().stream().filter(Objects::nonNull).map(PostingLine::account).forEach(accounts::add);
        } else if (command instanceof RegisterOpenItem c) {
            accounts.add(c.controlAccount());
            accounts.add(c.offsetAccount());
        } else if (command instanceof ApplyPayment c) {
            accounts.add(c.cashAccount());
            accounts.add(c.controlAccount());
        } else if (command instanceof BookWriteOff c) {
            accounts.add(c.account());
        } else if (command instanceof RegisterSkyldigtBeløb c) {
            accounts.add(c.counterAccount());
        } else if (command instanceof OffsetSkyldigtBeløb c && c.counterAccount() != null) {
            accounts.add(c.counterAccount());
        } else if (command instanceof PaySkyldigtBeløb c) {
            accounts.add(c.cashAccount());
        }
        accounts.removeIf(a -> a == null || a.isBlank());
        return accounts;
    }
}
