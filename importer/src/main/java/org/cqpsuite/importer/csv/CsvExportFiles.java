package org.cqpsuite.importer.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.cqpsuite.importer.fiche.ExportFormatException;

/**
 * Finds the parts of one CSV export in a folder or a zip, and opens them as UTF-8 text without their byte order mark.
 */
final class CsvExportFiles implements Closeable {

    private static final Pattern PART_FILE =
            Pattern.compile("export_fiches_CSV_(.+)_(\\d{4}_\\d{2}_\\d{2})\\.csv", Pattern.CASE_INSENSITIVE);

    private final String exportName;
    private final ZipFile zip;
    private final Map<CsvPart, String> names = new EnumMap<>(CsvPart.class);
    private final Map<CsvPart, Object> locations = new EnumMap<>(CsvPart.class);
    private final String date;

    private CsvExportFiles(String exportName, ZipFile zip, Map<String, Object> files) {
        this.exportName = exportName;
        this.zip = zip;
        TreeSet<String> dates = new TreeSet<>();
        for (Map.Entry<String, Object> file : files.entrySet()) {
            Matcher matcher = PART_FILE.matcher(file.getKey());
            if (!matcher.matches()) {
                continue;
            }
            Optional<CsvPart> part = CsvPart.ofName(matcher.group(1));
            if (part.isEmpty()) {
                continue;
            }
            dates.add(matcher.group(2));
            if (names.put(part.get(), file.getKey()) != null) {
                throw new ExportFormatException(exportName + " holds two " + part.get().officialName() + " parts");
            }
            locations.put(part.get(), file.getValue());
        }
        // Parts of two exports joined together would mix two states of the directory: refuse rather than guess.
        if (dates.size() > 1) {
            throw new ExportFormatException(exportName + " holds CSV parts of several exports (" + dates
                    + "): give one export at a time");
        }
        if (!names.containsKey(CsvPart.STANDARD)) {
            throw new ExportFormatException(exportName
                    + " holds no export_fiches_CSV_Standard_AAAA_MM_JJ.csv part: not an official CSV export");
        }
        this.date = dates.first();
    }

    /** The parts of the export in a folder, or in a zip (entries anywhere in the zip, matched on their file name). */
    static CsvExportFiles open(Path folderOrZip) {
        String exportName = folderOrZip.getFileName().toString();
        if (Files.isDirectory(folderOrZip)) {
            Map<String, Object> files = new TreeMap<>();
            try (Stream<Path> list = Files.list(folderOrZip)) {
                list.filter(Files::isRegularFile).forEach(file -> files.put(file.getFileName().toString(), file));
            } catch (IOException e) {
                throw new ExportFormatException("cannot list " + folderOrZip + ": " + e.getMessage(), e);
            }
            return new CsvExportFiles(exportName, null, files);
        }
        ZipFile zip = openZip(folderOrZip);
        try {
            Map<String, Object> files = new TreeMap<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!entry.isDirectory() && !entry.getName().startsWith("__MACOSX/")) {
                    String name = entry.getName();
                    files.put(name.substring(name.lastIndexOf('/') + 1), entry);
                }
            }
            return new CsvExportFiles(exportName, zip, files);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static ZipFile openZip(Path path) {
        try {
            return new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException e) {
            // Zips written without the UTF-8 flag store "Compétences" in the legacy DOS code page.
            try {
                return new ZipFile(path.toFile(), Charset.forName("IBM437"));
            } catch (IOException again) {
                throw new ExportFormatException("cannot open " + path + " as a zip: " + again.getMessage(), again);
            }
        } catch (IOException e) {
            throw new ExportFormatException("cannot open " + path + " as a zip: " + e.getMessage(), e);
        }
    }

    /** The export's date as in its file names, {@code AAAA_MM_JJ}. */
    String date() {
        return date;
    }

    boolean has(CsvPart part) {
        return names.containsKey(part);
    }

    /** The part's file name, for messages. */
    String fileName(CsvPart part) {
        return names.get(part);
    }

    /** Opens a part as text: UTF-8, the byte order mark France compétences puts at the start removed. */
    Reader open(CsvPart part) {
        Object location = locations.get(part);
        try {
            InputStream in = location instanceof Path path
                    ? Files.newInputStream(path)
                    : zip.getInputStream((ZipEntry) location);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        } catch (IOException e) {
            throw new ExportFormatException("cannot read " + fileName(part) + " in " + exportName + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (zip != null) {
            closeQuietly(zip);
        }
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
    }

    @Override
    public String toString() {
        return exportName;
    }
}
