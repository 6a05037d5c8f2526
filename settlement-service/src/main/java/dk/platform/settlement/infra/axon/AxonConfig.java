package dk.platform.settlement.infra.axon;

import com.mongodb.client.MongoClient;
import dk.platform.settlement.saga.SettlementSaga;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon without an event store: the ledger owns the events, this service only reacts to them. A
 * {@link SimpleEventBus} carries what the Kafka listeners receive to the saga's subscribing
 * processor (in the listener's thread), and the saga's state lives in MongoDB, serialized with
 * Jackson. A failing saga handler is not logged and skipped (Axon's default) but thrown back to
 * the caller, so the Kafka record is delivered again.
 */
@Configuration
public class AxonConfig {

    @Bean
    EventBus eventBus() {
        return SimpleEventBus.builder().build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoClient client, MongoProperties mongo, Serializer serializer) {
        return MongoSagaStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(client, mongo.getMongoClientDatabase())
                        .sagasCollectionName("sagas")
                        .build())
                .serializer(serializer)
                .build();
    }

    @Bean
    ConfigurerModule propagateSagaErrors() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(SettlementSaga.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(SettlementSaga.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
