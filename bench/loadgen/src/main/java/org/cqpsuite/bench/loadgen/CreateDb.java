package org.cqpsuite.bench.loadgen;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * {@code createdb --url jdbc:postgresql://HOST:PORT/ --name NAME [--user U --password P]}: creates the database NAME in
 * that PostgreSQL server unless it exists (the suite's embedded server has no psql). Prints {@code created} or
 * {@code exists}.
 */
final class CreateDb {

    private CreateDb() {
    }

    static int run(Args args) throws Exception {
        String url = args.value("--url").orElseThrow(() -> new IllegalArgumentException("createdb needs --url"));
        String name = args.value("--name").orElseThrow(() -> new IllegalArgumentException("createdb needs --name"));
        String user = args.value("--user").orElse("postgres");
        String password = args.value("--password").orElse("postgres");
        args.rejectUnused();
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("--name: lower-case letters, digits and _ only");
        }
        String server = (url.endsWith("/") ? url : url + "/") + "postgres";
        try (Connection c = DriverManager.getConnection(server, user, password);
             PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    System.out.println("exists");
                    return 0;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            System.out.println("created");
            return 0;
        }
    }
}
