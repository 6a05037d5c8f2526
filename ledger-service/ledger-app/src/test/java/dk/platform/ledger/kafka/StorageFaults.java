package dk.platform.ledger.kafka;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: makes the ledger's storage fail for the commands that name a given marker (any id
 * in their payload), as PostgreSQL does: refusing the command's data (SQLState 22021, "invalid
 * byte sequence", a failure of the record itself, the same on every attempt) or being down
 * (SQLState 08001, connection refused: an outage). Lives in the test sources only; found by the
 * app's component scan, and Axon registers it on the command bus because it is a
 * handler-interceptor bean. Commands without a registered marker pass untouched.
 */
@Component
public class StorageFaults implements MessageHandlerInterceptor<CommandMessage<?>> {

    public enum Fault { REFUSES_THE_DATA, DATABASE_DOWN }

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    public void inject(String marker, Fault fault) {
        faults.put(marker, fault);
    }

    public void clear(String marker) {
        faults.remove(marker);
    }

    /** How often a command naming the marker has failed. */
    public int failures(String marker) {
        return failures.getOrDefault(marker, new AtomicInteger()).get();
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String command = String.valueOf(unitOfWork.getMessage().getPayload());
        for (Map.Entry<String, Fault> fault : faults.entrySet()) {
            if (command.contains(fault.getKey())) {
                failures.computeIfAbsent(fault.getKey(), k -> new AtomicInteger()).incrementAndGet();
                throw switch (fault.getValue()) {
                    case REFUSES_THE_DATA -> new DataIntegrityViolationException("test: the database refuses the command's data",
                            new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
                    case DATABASE_DOWN -> new DataAccessResourceFailureException("test: the database is down",
                            new SQLException("Connection to localhost:5433 refused", "08001"));
                };
            }
        }
        return chain.proceed();
    }
}
