package dk.platform.ledger.infra.axon;

import com.mongodb.client.MongoClient;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Axon as DESIGN.md §3 wires it: events in PostgreSQL through the JDBC engine (auto-configured
 * by Axon from the DataSource), tracking tokens in MongoDB beside the views they belong to,
 * no Axon Server, Jackson for every message.
 */
@Configuration
public class AxonConfig {

    /**
     * The event store, built as Axon's autoconfiguration builds it (same storage engine, message
     * monitor and span factory) but, by default, without the shared read-ahead: each tracking
     * processor reads PostgreSQL through its own stream ({@link PrivateStreamEventStore}). With the
     * shared read-ahead, the events between the slowest and the fastest processor are all held in
     * memory until its cleaner (every 10 s) sends the slow ones to streams of their own, while its
     * reader races through the store: during the 1 000 000-event replay of issue 17 that was 339 401
     * events and a full heap (docs/BENCHMARKS.md). In such a replay every lagging processor ends on a
     * stream of its own anyway, so private streams are the default (issue 17);
     * {@code ledger.axon.shared-read-ahead=true} brings Axon's shared reader back.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${ledger.axon.shared-read-ahead:false}") boolean sharedReadAhead) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class));
        return sharedReadAhead ? builder.build() : new PrivateStreamEventStore(builder);
    }

    /**
     * The JDBC storage engine exactly as Axon's JdbcAutoConfiguration builds it; that one steps back
     * as soon as an event store bean is defined (above), so it is defined here too.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    /** Tracking tokens live in MongoDB, next to the views they describe. */
    @Bean
    TokenStore tokenStore(MongoClient client, MongoProperties mongo, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(client, mongo.getMongoClientDatabase())
                        .build())
                .serializer(serializer)
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * A command whose aggregate was changed by a concurrent command fails at commit with a
     * ConcurrencyException (a transient error); it is run again on fresh state, so the loser of
     * a race is re-validated rather than given a stale answer.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(Executors.newSingleThreadScheduledExecutor())
                        .maxRetryCount(5)
                        .retryInterval(20)
                        .nonTransientFailurePredicate(failure -> !isRace(failure))
                        .build())
                .build();
    }

    /** Only a lost race is worth another try; a rule that says no says no again. */
    static boolean isRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof LockAcquisitionFailedException) {
                return true;
            }
        }
        return false;
    }

    /** causationId = the message that caused this one; correlationId = the business operation (kept from the start). */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider("causationId", "correlationId");
    }

    @Bean
    CorrelationDataProvider userProvider() {
        return new SimpleCorrelationDataProvider("user", "service");
    }

    /**
     * A handler that fails (Mongo or Kafka down) stops its processor at that event, which is
     * retried with back-off; the default would log and skip it, losing it from the view.
     */
    @Bean
    ConfigurerModule propagateHandlerErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /**
     * The tracking processors write to MongoDB and Kafka, never to PostgreSQL. With a transaction
     * manager, Axon 4 stores a processor's token *before* running its handlers (it expects token
     * and view to share that transaction); with tokens in MongoDB that means a crash between the
     * two skips the event. Without one, the token is stored after the handlers, and the handlers'
     * own idempotency absorbs the event that is then seen twice. Found by CrashRecoveryIT.
     */
    @Bean
    ConfigurerModule storeTokensAfterHandling() {
        return configurer -> TRACKING_PROCESSORS.forEach(name ->
                configurer.eventProcessing().registerTransactionManager(name, c -> NoTransactionManager.instance()));
    }

    /** Every tracking processor of the ledger: the views and the Kafka publisher. */
    public static final java.util.List<String> TRACKING_PROCESSORS = java.util.List.of("open-items", "konto", "debts", "kafka-publisher");

    /** Creates Axon's event tables on first start (the JDBC engine does not do it by itself). */
    @Bean
    InitializingBean eventStoreSchema(EventStorageEngine engine, DataSource dataSource) {
        return () -> {
            try (Connection c = dataSource.getConnection();
                 ResultSet tables = c.getMetaData().getTables(null, null, "domainevententry", null)) {
                if (!tables.next() && engine instanceof JdbcEventStorageEngine jdbc) {
                    jdbc.createSchema(PostgresEventTableFactory.INSTANCE);
                }
            }
        };
    }
}
