package org.cqpsuite.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures say "the database is away" (503, retry later) rather than "a bug" (500). */
class DatabaseOutagesTest {

    @Test
    void aRefusedOrLostConnectionAnywhereInTheChainIsAnOutage() {
        assertThat(DatabaseOutages.isOutage(new IllegalStateException("commit failed",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")))).isTrue();
        assertThat(DatabaseOutages.isOutage(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseOutages.isOutage(new RuntimeException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(DatabaseOutages.isOutage(new SQLTransientConnectionException("pool exhausted"))).isTrue();
    }

    @Test
    void aServerShuttingDownOrStartingIsAnOutage() {
        assertThat(DatabaseOutages.isOutage(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseOutages.isOutage(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void thePoolsAcquisitionTimeoutIsAnOutage() {
        assertThat(DatabaseOutages.isOutage(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))))
                .isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseOutages.isOutage(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutages.isOutage(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutages.isOutage(new NullPointerException())).isFalse();
    }
}
