package org.cqpsuite.importer.csv;

import java.nio.file.Path;

import org.cqpsuite.importer.fiche.FicheResult;
import org.cqpsuite.importer.fiche.FicheSource;

/**
 * Reads France compétences' official CSV export: the {@code export_fiches_CSV_<Part>_AAAA_MM_JJ.csv} files of one
 * export, in a folder or in the zip they come in ({@code ;}-separated, UTF-8 with a byte order mark, quoted fields that
 * may hold {@code ;}, quotes and line breaks), parsed with Apache Commons CSV.
 *
 * <p>The Standard part (one row per fiche) is streamed; the parts joined to it by {@code Numero_Fiche} (Blocs de
 * compétences, Certificateurs, Nsf, Rome, CCN, Ancienne/Nouvelle certification) are read first into an index, since
 * their rows come in no useful order. They hold only codes and short labels, a few megabytes for the whole RNCP. A
 * missing secondary part is an empty one (the 2021 set has no CCN part); a missing Standard part is an
 * {@link org.cqpsuite.importer.fiche.ExportFormatException}.
 *
 * <p>Each Standard row gives one {@link FicheResult}; a row with bad values, a wrong number of fields, or bad values in
 * its secondary rows is a {@link FicheResult.Rejected} and reading goes on. Secondary rows naming a fiche that the
 * Standard part does not have are reported in {@link FicheSource#warnings()}.
 */
public final class CsvFicheReader {

    /** Opens the CSV export in a folder or a zip. */
    public FicheSource open(Path folderOrZip) {
        CsvExportFiles files = CsvExportFiles.open(folderOrZip);
        try {
            return new CsvFicheIterator(files);
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }
}
