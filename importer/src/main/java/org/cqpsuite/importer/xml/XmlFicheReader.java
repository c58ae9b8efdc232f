package org.cqpsuite.importer.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.cqpsuite.importer.fiche.ExportFormatException;
import org.cqpsuite.importer.fiche.FicheResult;
import org.cqpsuite.importer.fiche.FicheSource;

/**
 * Reads France compétences' XML V4.1 export ({@code export_fiches_RNCP_V4_1_*.xml}, {@code export_fiches_RS_V4_1_*.xml},
 * or the zip they come in) with StAX, one {@code FICHE} at a time: the full RNCP export is about 570 MB, so the document
 * is never held whole. Only the elements the suite uses are kept; the rest ({@code PARTENAIRES} alone has hundreds of
 * entries per fiche) is skipped as it streams by.
 *
 * <p>A fiche with bad values becomes a {@link FicheResult.Rejected} and reading goes on with the next one. A document
 * that is not well-formed stops the reading with an {@link ExportFormatException}: see {@link FicheSource}.
 */
public final class XmlFicheReader {

    /**
     * Opens an XML export file, or a zip holding one or more of them (every {@code .xml} entry, in the zip's order).
     */
    public FicheSource open(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".zip")) {
                return openZip(path);
            }
            return new XmlFicheIterator(Files.newInputStream(path), path.getFileName().toString());
        } catch (IOException e) {
            throw new ExportFormatException("cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an XML export from a stream, which the returned source closes.
     *
     * @param sourceName the name used in rejection locations, e.g. the file name
     */
    public FicheSource open(InputStream in, String sourceName) {
        return new XmlFicheIterator(in, sourceName);
    }

    private FicheSource openZip(Path path) throws IOException {
        ZipFile zip = new ZipFile(path.toFile());
        try {
            List<ZipEntry> entries = new ArrayList<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String entryName = entry.getName();
                if (!entry.isDirectory() && entryName.toLowerCase(Locale.ROOT).endsWith(".xml")
                        && !entryName.startsWith("__MACOSX/")) {
                    entries.add(entry);
                }
            }
            if (entries.isEmpty()) {
                throw new ExportFormatException(path.getFileName() + " holds no .xml file");
            }
            return new ZipSource(zip, entries, path.getFileName().toString());
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** The fiches of every XML entry of a zip, one entry after the other, each streamed from the zip. */
    private static final class ZipSource implements FicheSource {

        private final ZipFile zip;
        private final Iterator<ZipEntry> entries;
        private final String zipName;
        private FicheSource current;

        ZipSource(ZipFile zip, List<ZipEntry> entries, String zipName) {
            this.zip = zip;
            this.entries = entries.iterator();
            this.zipName = zipName;
        }

        @Override
        public boolean hasNext() {
            while (current == null || !current.hasNext()) {
                if (current != null) {
                    current.close();
                    current = null;
                }
                if (!entries.hasNext()) {
                    return false;
                }
                ZipEntry entry = entries.next();
                try {
                    current = new XmlFicheIterator(zip.getInputStream(entry), zipName + "!" + entry.getName());
                } catch (IOException e) {
                    throw new ExportFormatException("cannot read " + entry.getName() + " in " + zipName, e);
                }
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
        public void close() {
            if (current != null) {
                current.close();
            }
            try {
                zip.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
