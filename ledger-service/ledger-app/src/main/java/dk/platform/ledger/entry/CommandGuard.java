package dk.platform.ledger.entry;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.command.OpenAccount;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.platform.ledger.api.command.PostJournalEntry;
import dk.platform.ledger.api.command.ReverseEntry;
import dk.platform.ledger.debt.DebtAccounts;
import dk.platform.ledger.domain.LedgerException;
import dk.platform.ledger.lookup.Lookups;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs before every public ledger command, inside its transaction:
 * <ul>
 *   <li>idempotency (SPEC §0): the first use of a client id claims it; the same id with the same
 *   payload answers {@link CommandOutcome#REPLAYED} and posts nothing; with another payload, 409;</li>
 *   <li>set-based validation: every account the command names must exist, and only open items post to a
 *   control account (SPEC §1.1).</li>
 * </ul>
 * Axon registers it on the command bus because it is a handler-interceptor bean.
 */
@Component
class CommandGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String PUBLIC_COMMANDS = ReverseEntry.class.getPackageName();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,120}");

    private final CommandLog log;
    private final Lookups lookups;
    private final ObjectMapper json;
    private final DebtAccounts debtAccounts;

    CommandGuard(CommandLog log, Lookups lookups, ObjectMapper json, DebtAccounts debtAccounts) {
        this.log = log;
        this.lookups = lookups;
        this.json = json;
        this.debtAccounts = debtAccounts;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object command = unitOfWork.getMessage().getPayload();
        if (!command.getClass().getPackageName().equals(PUBLIC_COMMANDS)) {
            return chain.proceed();
        }
        // a preview runs the command and rolls it back (DryRun): it claims no id
        boolean preview = Boolean.TRUE.equals(unitOfWork.getMessage().getMetaData().get(DryRun.METADATA));
        Optional<String> id = LedgerCommands.clientId(command).filter(i -> WELL_FORMED.matcher(i).matches());
        if (id.isPresent() && !preview) {
            CommandLog.Entry entry = new CommandLog.Entry(id.get(), command.getClass().getSimpleName(), digest(command),
                    LedgerCommands.aggregateOf(command, id.get()));
            if (!log.claim(entry)) {
                CommandLog.Entry earlier = log.find(id.get());
                if (earlier.commandType().equals(entry.commandType()) && earlier.payloadHash().equals(entry.payloadHash())) {
                    return CommandOutcome.REPLAYED;
                }
                if (command instanceof OpenAccount account && earlier.commandType().equals(entry.commandType())) {
                    // the account's number is its id: say so in the bookkeeper's words, not the aggregate id
                    throw new LedgerException.Conflict("account " + account.number() + " already exists with another name or type;"
                            + " an account number is opened once (kontoplan): GET /api/accounts/" + account.number() + " shows it");
                }
                throw new LedgerException.Conflict("id " + InputRules.quote(id.get()) + " is already used by " + earlier.commandType()
                        + (earlier.commandType().equals(entry.commandType()) ? " with a different payload" : "")
                        + "; choose a new id, or re-send the original command unchanged");
            }
        }
        Lookups.AccountStanding accounts = lookups.standing(LedgerCommands.accounts(command, debtAccounts),
                LedgerCommands.plainAccounts(command, debtAccounts));
        Set<String> missing = accounts.missing();
        if (!missing.isEmpty()) {
            throw new LedgerException.RuleViolation((missing.size() == 1 ? "account " : "accounts ")
                    + String.join(", ", missing.stream().limit(5).map(a -> InputRules.isAccount(a) ? a : InputRules.quote(a)).toList())
                    + (missing.size() > 5 ? ", …" : "")
                    + (missing.size() == 1 ? " does not exist; create it" : " do not exist; create them")
                    + " in the chart of accounts (kontoplan) first (POST /api/accounts)");
        }
        refuseControlAccounts(command, accounts.control());
        chain.proceed();
        return CommandOutcome.POSTED;
    }

    /**
     * SPEC §1.1 and §1.8: a control account (samlekonto) belongs to the open items, so the sum of
     * their remaining amounts is its balance. Only an item's own control-account line posts to it;
     * and an account becomes one only while nothing else is on it (balance 0.00).
     */
    private void refuseControlAccounts(Object command, Set<String> control) {
        if (!control.isEmpty()) {
            throw new LedgerException.RuleViolation((control.size() == 1 ? "account " : "accounts ") + String.join(", ", control)
                    + (control.size() == 1 ? " is a control account" : " are control accounts") + " (samlekonto) of open items;"
                    + " post through open items (POST /api/open-items, /api/payments, /api/open-items/{id}/write-offs),"
                    + " not with " + (command instanceof PostJournalEntry ? "a journal entry" : "this line") + " (SPEC §1.1)");
        }
        String newControl = LedgerCommands.newItemControlAccount(command);
        if (newControl != null) {
            Lookups.ControlStanding standing = lookups.controlStanding(newControl);
            if (!standing.control() && !standing.balance().isZero()) {
                throw new LedgerException.RuleViolation("account " + newControl + " has plain postings (balance " + standing.balance()
                        + ") and is not a control account; an open item may make it one only while its balance is 0.00, because"
                        + " the items' remaining amounts must equal its balance (SPEC §1.8): move the balance to another account"
                        + " first, or use a control account (POST /api/accounts with controlAccount: true)");
            }
        }
    }

    private String digest(Object command) throws JsonProcessingException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(command)));
    }
}
