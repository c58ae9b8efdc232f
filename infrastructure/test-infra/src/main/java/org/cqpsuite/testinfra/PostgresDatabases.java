package org.cqpsuite.testinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Creates the databases of one PostgreSQL server on demand, once each. */
final class PostgresDatabases {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String serverUrl;
    private final String username;
    private final String password;
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    /** @param serverUrl a JDBC URL ending with a slash, without database name */
    PostgresDatabases(String serverUrl, String username, String password) {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.username = username;
        this.password = password;
    }

    String jdbcUrl(String database) {
        return urls.computeIfAbsent(database, this::create);
    }

    private String create(String database) {
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", username, password)) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, database);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + database + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + " on " + serverUrl, e);
        }
        return serverUrl + database;
    }
}
