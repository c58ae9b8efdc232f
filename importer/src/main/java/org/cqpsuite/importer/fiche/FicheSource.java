package org.cqpsuite.importer.fiche;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The fiches of one export, one at a time, in the export's order. Readers produce each result only when asked, so a
 * consumer that handles one fiche at a time holds one fiche at a time, whatever the size of the export.
 *
 * <p>{@link #hasNext()} and {@link #next()} throw {@link ExportFormatException} when the export itself is broken (XML
 * that is not well-formed, a CSV part without its header...): past that point nothing can be trusted, and a caller
 * that applied a partial export as if it were complete would withdraw every fiche it did not reach. Problems inside
 * one fiche are {@link FicheResult.Rejected} results instead.
 *
 * <p>Close it (try-with-resources) to release the files.
 */
public interface FicheSource extends Iterator<FicheResult>, AutoCloseable {

    /**
     * Problems found outside any single fiche that do not stop the reading, e.g. rows of a CSV part whose fiche is not
     * in the Standard part. Complete once the source is exhausted.
     */
    default List<String> warnings() {
        return List.of();
    }

    /** Releases the files; never throws a checked exception. */
    @Override
    void close();

    /** This source as a sequential stream; closing the stream closes the source. */
    default Stream<FicheResult> stream() {
        Spliterator<FicheResult> spliterator =
                Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(this::close);
    }
}
