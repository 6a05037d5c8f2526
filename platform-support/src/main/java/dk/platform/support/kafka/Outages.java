package dk.platform.support.kafka;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Tells an outage (something the record cannot help: a database, MongoDB or the broker down or
 * too slow) from a failure of the record itself. A consumer redelivers a record that failed in
 * an outage for as long as the outage lasts, and gives up on any other failure after a few
 * attempts ({@link KafkaErrorHandling}). So a failure counts as an outage only on evidence: one
 * of the exceptions below anywhere in its cause chain, however a framework (Axon, Spring,
 * spring-kafka) wrapped it. Anything else, a bug included, is bounded: a bug must not stop a
 * partition, and its records wait in the dead-letter topic for the fix.
 */
public final class Outages {

    /**
     * SQLState classes of PostgreSQL (and the SQL standard) that say the database, not the
     * statement, is the problem: 08 connection exception, 40 transaction rollback (serialization
     * failure, deadlock: another try goes through), 53 insufficient resources (too many
     * connections, disk full), 57P operator intervention (shut down, starting up).
     */
    private static final String[] OUTAGE_SQL_STATES = {"08", "40", "53", "57P"};

    private Outages() {
    }

    /** True if {@code failure} or any of its causes says a service the record needs is out. */
    public static boolean isOutage(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (isOutageItself(t)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && isOutage(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutageItself(Throwable t) {
        return t instanceof TransientDataAccessException
                || t instanceof DataAccessResourceFailureException
                || t instanceof RecoverableDataAccessException
                || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientException
                || t instanceof SQLRecoverableException
                || t instanceof SQLException sql && isOutageState(sql.getSQLState())
                || t instanceof MongoSocketException
                || t instanceof MongoTimeoutException
                || t instanceof MongoNotPrimaryException
                || t instanceof MongoNodeIsRecoveringException
                || t instanceof RetriableException
                || t instanceof SocketException
                || t instanceof SocketTimeoutException
                || t instanceof UnknownHostException
                || t instanceof TimeoutException
                // shutting down while a record ran: it is delivered again after the restart
                || t instanceof InterruptedException;
    }

    private static boolean isOutageState(String sqlState) {
        if (sqlState == null) {
            return false;
        }
        for (String prefix : OUTAGE_SQL_STATES) {
            if (sqlState.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
