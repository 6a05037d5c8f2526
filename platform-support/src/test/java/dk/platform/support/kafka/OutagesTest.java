package dk.platform.support.kafka;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are redelivered without limit (outages) and which are given up after a few
 * attempts. PostgreSQL's PSQLException is a SQLException with its SQLState; plain SQLExceptions
 * with the same states stand in for it here.
 */
class OutagesTest {

    @Test
    void aDatabaseMongoOrBrokerThatIsDownOrTooSlowIsAnOutage() {
        assertThat(Outages.isOutage(new DataAccessResourceFailureException("no connection",
                new SQLException("Connection to localhost:5433 refused", "08001")))).isTrue();
        assertThat(Outages.isOutage(new SQLException("An I/O error occurred while sending to the backend", "08006"))).isTrue();
        assertThat(Outages.isOutage(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(Outages.isOutage(new SQLException("sorry, too many clients already", "53300"))).isTrue();
        assertThat(Outages.isOutage(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(Outages.isOutage(new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))).isTrue();
        assertThat(Outages.isOutage(new SQLRecoverableException("connection lost"))).isTrue();
        assertThat(Outages.isOutage(new DataAccessResourceFailureException("mongo down"))).isTrue();
        assertThat(Outages.isOutage(new CannotAcquireLockException("lock timeout"))).isTrue();
        assertThat(Outages.isOutage(new CannotCreateTransactionException("no transaction"))).isTrue();
        assertThat(Outages.isOutage(new MongoSocketOpenException("refused", new ServerAddress()))).isTrue();
        assertThat(Outages.isOutage(new MongoTimeoutException("no server in 30000 ms"))).isTrue();
        assertThat(Outages.isOutage(new NotEnoughReplicasException("not enough replicas"))).isTrue();
        assertThat(Outages.isOutage(new org.apache.kafka.common.errors.TimeoutException("metadata not available"))).isTrue();
        assertThat(Outages.isOutage(new ConnectException("Connection refused"))).isTrue();
        assertThat(Outages.isOutage(new SocketTimeoutException("Read timed out"))).isTrue();
        assertThat(Outages.isOutage(new TimeoutException())).isTrue();
    }

    @Test
    void anOutageIsFoundHoweverDeeplyAFrameworkWrappedIt() {
        Exception axon = new org.axonframework.commandhandling.CommandExecutionException("command failed",
                new IllegalStateException("unit of work rolled back",
                        new DataAccessResourceFailureException("no connection",
                                new SQLException("refused", "08001"))));
        assertThat(Outages.isOutage(new ListenerExecutionFailedException("listener failed", axon))).isTrue();
        assertThat(Outages.isOutage(new ExecutionException(new NotEnoughReplicasException("x")))).isTrue();
    }

    @Test
    void aFailureOfTheRecordItselfOrABugIsNotAnOutage() {
        assertThat(Outages.isOutage(new DataIntegrityViolationException("refused",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))).isFalse();
        assertThat(Outages.isOutage(new SQLException("date/time field value out of range", "22008"))).isFalse();
        assertThat(Outages.isOutage(new InvalidDataAccessResourceUsageException("bad SQL grammar",
                new SQLException("relation \"command_log\" does not exist", "42P01")))).isFalse();
        assertThat(Outages.isOutage(new DuplicateKeyException("duplicate"))).isFalse();
        assertThat(Outages.isOutage(new ExecutionException(new RecordTooLargeException("too large")))).isFalse();
        assertThat(Outages.isOutage(new ListenerExecutionFailedException("listener failed", new IllegalStateException("a bug")))).isFalse();
        assertThat(Outages.isOutage(new NullPointerException())).isFalse();
        assertThat(Outages.isOutage(new PoisonRecord("not JSON"))).isFalse();
        assertThat(Outages.isOutage(new SQLException("no state"))).isFalse();
    }

    @Test
    void aCauseChainWithACycleEnds() {
        IllegalStateException a = new IllegalStateException("a");
        IllegalArgumentException b = new IllegalArgumentException("b", a);
        a.initCause(b);
        assertThat(Outages.isOutage(a)).isFalse();
    }
}
