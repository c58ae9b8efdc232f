package org.cqpsuite.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cqpsuite.importer.fiche.Fiche;
import org.cqpsuite.importer.fiche.FicheResult;
import org.cqpsuite.importer.fiche.FicheSource;

/**
 * The real samples of the suite's demo data ({@code demo-data/france-competences}, provenance in
 * {@code demo-data/README.md}), and small helpers around them.
 */
public final class Samples {

    public static final Path XML_FOLDER = resource("/france-competences/xml-v4.1");
    public static final Path RNCP_XML = XML_FOLDER.resolve("export_fiches_RNCP_V4_1_2026-08-16_sample.xml");
    public static final Path RS_XML = XML_FOLDER.resolve("export_fiches_RS_V4_1_2026-08-16_sample.xml");
    public static final Path CSV_FOLDER = resource("/france-competences/csv-2021-01");

    private Samples() {
    }

    /** A folder of {@code demo-data/} (the tests run in the module's folder; {@code cqp.root} may say otherwise). */
    private static Path resource(String name) {
        Path root = Path.of(System.getProperty("cqp.root", "..")).toAbsolutePath().normalize();
        Path path = root.resolve("demo-data" + name);
        if (!java.nio.file.Files.isDirectory(path)) {
            throw new IllegalStateException(path + " is missing: the samples are in the checkout's demo-data/");
        }
        return path;
    }

    /** Every result of a source, in order, the source closed. */
    public static List<FicheResult> readAll(FicheSource source) {
        try (source) {
            List<FicheResult> results = new ArrayList<>();
            source.forEachRemaining(results::add);
            return results;
        }
    }

    /** The accepted fiches of a source by code, in the export's order; fails if any fiche was rejected. */
    public static Map<String, Fiche> acceptedByCode(FicheSource source) {
        Map<String, Fiche> fiches = new LinkedHashMap<>();
        for (FicheResult result : readAll(source)) {
            if (result instanceof FicheResult.Accepted accepted) {
                fiches.put(accepted.fiche().code(), accepted.fiche());
            } else {
                throw new AssertionError("unexpected rejection: " + result);
            }
        }
        return fiches;
    }

    /** Zips the given files (flat, by file name) into {@code zip}. */
    public static Path zip(Path zip, List<Path> files) {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path file : files) {
                out.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    /** The regular files of a folder, sorted. */
    public static List<Path> filesOf(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
