package org.cqpsuite.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The checkout under test and its modules' configuration. */
final class SuiteRoot {

    static final Path ROOT = Path.of(System.getProperty("cqp.root", "..")).toAbsolutePath().normalize();

    private SuiteRoot() {
    }

    /** The main application.properties of a service module, e.g. {@code certification-service}. */
    static Properties applicationProperties(String module) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
