package org.cqpsuite.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path dir;

    @Test
    void keepsDataAcrossRestartsAndStopsCleanly() throws Exception {
        Path data = dir.resolve("postgres");
        Path log = dir.resolve("logs/postgres.log");
        long pid;
        int port;
        try (LocalPostgres postgres = LocalPostgres.start(data, 0, log)) {
            port = postgres.port();
            pid = postgres.pid();
            assertThat(port).isPositive();
            assertThat(postgres.host()).isEqualTo("127.0.0.1");
            assertThat(postgres.jdbcUrl("shop")).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/shop");
            assertThat(postgres.isRunning()).isTrue();
            assertThat(InfraSupport.accepts(port)).isTrue();

            postgres.createDatabaseIfAbsent("shop");
            postgres.createDatabaseIfAbsent("shop"); // idempotent
            try (Connection connection = postgres.connect("shop"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL)");
                statement.execute("INSERT INTO item VALUES (1, 'kept across restarts')");
            }
        }
        assertThat(InfraSupport.isRunning(pid)).as("postmaster %s after close", pid).isFalse();
        assertThat(InfraSupport.accepts(port)).as("port %s after close", port).isFalse();
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
        assertThat(data.resolve("PG_VERSION")).exists();
        assertThat(Files.readString(log)).contains("database system is ready to accept connections");

        try (LocalPostgres again = LocalPostgres.start(data, 0, log)) {
            assertThat(Files.readString(log)).contains("(reused)");
            try (Connection connection = again.connect("shop"); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id, name FROM item")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(1);
                assertThat(rows.getString(2)).isEqualTo("kept across restarts");
                assertThat(rows.next()).isFalse();
            }
            // the JDBC URL works for any client, with the advertised credentials
            try (Connection connection = java.sql.DriverManager.getConnection(again.jdbcUrl("shop"),
                    again.username(), again.password())) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void temporaryDataFolderIsDeletedOnClose() throws Exception {
        Path data;
        try (LocalPostgres postgres = LocalPostgres.start(null, 0, dir.resolve("tmp-pg.log"))) {
            data = postgres.dataDirectory();
            assertThat(data.resolve("PG_VERSION")).exists();
            postgres.createDatabaseIfAbsent("Mixed-Case db");
            try (Connection connection = postgres.connect("Mixed-Case db")) {
                assertThat(connection.getCatalog()).isEqualTo("Mixed-Case db");
            }
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void takenPortIsReportedWithComponentPortAndLogFile() throws Exception {
        Path log = dir.resolve("busy.log");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            assertThatThrownBy(() -> LocalPostgres.start(dir.resolve("busy"), port, log))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("PostgreSQL")
                    .hasMessageContaining(String.valueOf(port))
                    .hasMessageContaining(log.toString());
        }
    }
}
