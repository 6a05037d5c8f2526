package dk.platform.ledger.history;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the event store straight from PostgreSQL through a server-side cursor, upcast and
 * deserialized exactly as the aggregates and the tracking processors see the events (Axon's
 * serializer and upcaster chain). One event is in memory at a time, so a caller that keeps only
 * what its answer needs reads a million events in constant memory. The live views are never read.
 */
@Component
public class StoredEvents {

    static final int FETCH_SIZE = 500;

    /** One stored event: its global position and recording time, who sent it and in which business operation, and its payload. */
    public record StoredEvent(long position, String eventId, String aggregateId, long sequenceNumber, Instant recordedAt,
                              MetaData metaData, Object payload) {

        public String user() {
            return string(metaData.get("user"));
        }

        /** The service a command came through over Kafka ({@code settlement}, {@code payroll}); null for REST. */
        public String service() {
            return string(metaData.get("service"));
        }

        public String correlationId() {
            return string(metaData.get("correlationId"));
        }

        private static String string(Object value) {
            return value == null ? null : value.toString();
        }
    }

    /**
     * Which events to read: the clauses combine with AND. Events of one aggregate come in sequence
     * order, all others in global order (the order the tracking processors see them in).
     */
    public static final class Selection {

        private final List<String> clauses = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();
        private boolean oneAggregate;

        public Selection aggregate(String aggregateId) {
            clauses.add("aggregateIdentifier = ?");
            params.add(aggregateId);
            oneAggregate = true;
            return this;
        }

        public Selection types(Collection<? extends Class<?>> types) {
            clauses.add("payloadType IN (" + types.stream().map(t -> "?").collect(Collectors.joining(", ")) + ")");
            types.stream().map(Class::getName).sorted().forEach(params::add);
            return this;
        }

        /** Recorded at or before the instant: the event's own timestamp, set when it was applied, just before its commit. */
        public Selection recordedUpTo(Instant knownAt) {
            clauses.add("CAST(timeStamp AS timestamptz) <= ?");
            params.add(Timestamp.from(knownAt));
            return this;
        }

        /**
         * The serialized payload contains the text: a cheap filter in the database before an event is
         * deserialized. It may let through more than the caller wants, so the caller still checks.
         */
        public Selection payloadContains(String text) {
            clauses.add("position(? in convert_from(payload, 'UTF8')) > 0");
            params.add(text);
            return this;
        }

        /** The payload's {@code postingDate} lies in the period, both ends inclusive (only for events that have one). */
        public Selection postingDates(LocalDate from, LocalDate to) {
            // a date stored before input was strict (year 57440, year 0) is left out rather than failing the whole query
            clauses.add("(CASE WHEN convert_from(payload, 'UTF8')::jsonb ->> 'postingDate' ~ '^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}$'"
                    + " THEN CAST(convert_from(payload, 'UTF8')::jsonb ->> 'postingDate' AS date) END) BETWEEN ? AND ?");
            params.add(from);
            params.add(to);
            return this;
        }

        String sql() {
            return "SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType,"
                    + " payloadRevision, payload, metaData FROM DomainEventEntry"
                    + (clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses))
                    + (oneAggregate ? " ORDER BY sequenceNumber" : " ORDER BY globalIndex");
        }

        void bind(PreparedStatement st) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                st.setObject(i + 1, params.get(i));
            }
        }
    }

    private final DataSource dataSource;
    private final ObjectProvider<Configuration> axon;

    StoredEvents(DataSource dataSource, ObjectProvider<Configuration> axon) {
        this.dataSource = dataSource;
        this.axon = axon;
    }

    /**
     * Hands each selected event to {@code each}, in order, while the cursor is open. PostgreSQL
     * honours the fetch size only inside a transaction, hence the read-only one, rolled back after.
     */
    public void forEach(Selection selection, Consumer<StoredEvent> each) {
        Configuration config = axon.getObject();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement st = c.prepareStatement(selection.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                st.setFetchSize(FETCH_SIZE);
                selection.bind(st);
                try (ResultSet rs = st.executeQuery();
                     Stream<TrackedEventMessage<?>> events = EventUtils.upcastAndDeserializeTrackedEvents(rows(rs),
                             config.eventSerializer(), config.upcasterChain())) {
                    events.forEach(m -> each.accept(stored(m)));
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the event store failed", e);
        }
    }

    private static StoredEvent stored(TrackedEventMessage<?> m) {
        DomainEventMessage<?> d = (DomainEventMessage<?>) m;
        long position = m.trackingToken().position().orElseThrow();
        return new StoredEvent(position, m.getIdentifier(), d.getAggregateIdentifier(), d.getSequenceNumber(), m.getTimestamp(),
                m.getMetaData(), m.getPayload());
    }

    /** The result set as a lazy stream of Axon's stored-event representation (what its JDBC engine builds from the same columns). */
    private static Stream<TrackedDomainEventData<byte[]>> rows(ResultSet rs) {
        Iterator<TrackedDomainEventData<byte[]>> it = new Iterator<>() {
            TrackedDomainEventData<byte[]> next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        if (rs.next()) {
                            next = new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(rs.getLong(1)),
                                    new GenericDomainEventEntry<>(rs.getString(5), rs.getString(3), rs.getLong(4), rs.getString(2),
                                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10)));
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException("reading the event store failed", e);
                    }
                }
                return next != null;
            }

            @Override
            public TrackedDomainEventData<byte[]> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                TrackedDomainEventData<byte[]> row = next;
                next = null;
                return row;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
