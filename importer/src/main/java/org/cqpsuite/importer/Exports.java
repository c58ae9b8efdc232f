package org.cqpsuite.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.cqpsuite.importer.csv.CsvFicheReader;
import org.cqpsuite.importer.fiche.ExportFormatException;
import org.cqpsuite.importer.fiche.FicheResult;
import org.cqpsuite.importer.fiche.FicheSource;
import org.cqpsuite.importer.xml.XmlFicheReader;

/**
 * Opens whatever the user points the importer at, recognising the format:
 * <ul>
 *   <li>an {@code .xml} file: XML V4.1;</li>
 *   <li>a {@code .zip}: CSV if it holds an {@code export_fiches_CSV_Standard_*.csv}, otherwise XML V4.1 (its
 *       {@code .xml} entries);</li>
 *   <li>a folder: CSV if it holds an {@code export_fiches_CSV_Standard_*.csv}, otherwise every {@code .xml} and
 *       {@code .zip} in it, by name (e.g. the RNCP and the RS exports of one day);</li>
 *   <li>a CSV part file: the CSV export in its folder.</li>
 * </ul>
 */
public final class Exports {

    private static final Pattern CSV_STANDARD =
            Pattern.compile("(?i)(.*/)?export_fiches_CSV_Standard_\\d{4}_\\d{2}_\\d{2}\\.csv");

    private Exports() {
    }

    /**
     * Opens an export.
     *
     * @throws ExportFormatException when the path holds no export the importer knows
     */
    public static FicheSource open(Path path) {
        if (!Files.exists(path)) {
            throw new ExportFormatException(path + " does not exist");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path)) {
            return openFolder(path);
        }
        if (name.endsWith(".xml")) {
            return new XmlFicheReader().open(path);
        }
        if (name.endsWith(".csv")) {
            Path folder = path.toAbsolutePath().getParent();
            return new CsvFicheReader().open(folder);
        }
        if (name.endsWith(".zip")) {
            return zipHoldsCsv(path) ? new CsvFicheReader().open(path) : new XmlFicheReader().open(path);
        }
        throw new ExportFormatException(path + " is neither an XML V4.1 export, a CSV export nor a zip of one");
    }

    private static FicheSource openFolder(Path folder) {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new ExportFormatException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        if (files.stream().anyMatch(file -> CSV_STANDARD.matcher(file.getFileName().toString()).matches())) {
            return new CsvFicheReader().open(folder);
        }
        List<Path> xmlExports = files.stream()
                .filter(file -> {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    return name.endsWith(".xml") || name.endsWith(".zip");
                })
                .toList();
        if (xmlExports.isEmpty()) {
            throw new ExportFormatException(folder + " holds no export: no CSV Standard part, no .xml, no .zip");
        }
        return new Chain(xmlExports);
    }

    private static boolean zipHoldsCsv(Path zipPath) {
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (CSV_STANDARD.matcher(entry.getName()).matches()) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            // Unreadable names (legacy code page) or not a zip: let the XML reader say what is wrong with it.
            return false;
        }
    }

    /** The fiches of several exports, one after the other, each opened only when reached. */
    private static final class Chain implements FicheSource {

        private final Iterator<Path> paths;
        private FicheSource current;
        private final List<String> warnings = new ArrayList<>();

        Chain(List<Path> paths) {
            this.paths = paths.iterator();
        }

        @Override
        public boolean hasNext() {
            while (current == null || !current.hasNext()) {
                if (current != null) {
                    warnings.addAll(current.warnings());
                    current.close();
                    current = null;
                }
                if (!paths.hasNext()) {
                    return false;
                }
                current = open(paths.next());
            }
            return true;
        }

        @Override
        public FicheResult next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        @Override
        public List<String> warnings() {
            return List.copyOf(warnings);
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
