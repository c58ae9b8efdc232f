package org.cqpsuite.importer.csv;

import java.io.IOException;
import java.nio.file.Path;

/** Writes CSV parts as France compétences does, for tests outside this package. */
public final class CsvTestExports {

    public static final String STANDARD_HEADER = CsvFicheReaderTest.STANDARD_HEADER;

    private CsvTestExports() {
    }

    /** Writes a part of a 2021-01-31 export: UTF-8 with a BOM, CRLF line ends. */
    public static void write(Path folder, String part, String header, String... rows) throws IOException {
        CsvFicheReaderTest.write(folder, part, header, rows);
    }
}
