package dk.platform.ledger.security;

import dk.platform.ledger.api.InputRules;
import dk.platform.ledger.api.CommandSignature;
import dk.platform.ledger.api.command.ReverseEntry;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which services may send which commands over {@code ledger.commands} (issue 10), from
 * {@code platform.security.kafka.senders.<id>}: {@code secret} (from the environment) and
 * {@code commands}. A record counts only when it is signed with its sender's secret
 * ({@link CommandSignature}); a {@code ReverseEntry} only for an entry the same service posted.
 */
@Component
public class KafkaSenders {

    /** A sender's secret and the command types it may send. */
    public record Sender(String secret, Set<String> commands) {
    }

    /** Who a record is from, once verified: the service and the user it acts for (the service itself if none). */
    public record Verified(String service, String user) {
    }

    /** Why a record is refused: 401 (not signed by a known sender) or 403 (a type or entry that sender may not touch). */
    public static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String detail) {
            super(detail);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Map<String, Sender> senders;
    private final Function<String, String> postedBy;

    @Autowired
    KafkaSenders(Environment environment, JdbcTemplate jdbc) {
        this(Binder.get(environment).bind("platform.security.kafka.senders", Bindable.mapOf(String.class, Sender.class))
                .orElse(Map.of()), entryId -> postedBy(jdbc, entryId));
    }

    /** @param postedBy the service whose command posted an entry: "" for REST, null if there is no such entry */
    public KafkaSenders(Map<String, Sender> senders, Function<String, String> postedBy) {
        this.senders = Map.copyOf(senders);
        this.postedBy = postedBy;
    }

    /** The verified sender of the record, or {@link Refused}. */
    public Verified verify(Headers headers, String key, String value, String type, Object command) {
        String service = text(headers, CommandSignature.SENDER_HEADER);
        String onBehalfOf = text(headers, CommandSignature.ON_BEHALF_OF_HEADER);
        Sender sender = service == null ? null : senders.get(service);
        if (sender == null || sender.secret() == null || sender.secret().isBlank()
                || !CommandSignature.verify(sender.secret(), service, onBehalfOf, key, value, text(headers, CommandSignature.SIGNATURE_HEADER))) {
            throw new Refused(401, "the command is not signed by a known sender (headers " + CommandSignature.SENDER_HEADER
                    + " and " + CommandSignature.SIGNATURE_HEADER + ")");
        }
        if (sender.commands() == null || !sender.commands().contains(type)) {
            throw new Refused(403, "sender " + InputRules.quote(service) + " may not send " + type + "; it may send "
                    + (sender.commands() == null ? List.of() : sender.commands().stream().sorted().toList()));
        }
        if (command instanceof ReverseEntry reversal) {
            String poster = postedBy.apply(reversal.entryId());
            if (poster != null && !poster.equals(service)) {
                throw new Refused(403, "sender " + InputRules.quote(service) + " may reverse only entries it posted; " + reversal.entryId()
                        + " was not posted by it");
            }
        }
        if (onBehalfOf != null && (onBehalfOf.isBlank() || onBehalfOf.length() > 100)) {
            throw new Refused(403, CommandSignature.ON_BEHALF_OF_HEADER + " must be 1 to 100 characters");
        }
        return new Verified(service, onBehalfOf == null ? service : onBehalfOf);
    }

    private static String postedBy(JdbcTemplate jdbc, String entryId) {
        List<String> rows = jdbc.queryForList("SELECT coalesce(convert_from(metaData, 'UTF8')::jsonb ->> 'service', '')"
                + " FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 0", String.class, entryId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
