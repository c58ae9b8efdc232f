package org.cqpsuite.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cqpsuite.importer.fiche.ExportFormatException;
import org.cqpsuite.importer.fiche.FicheResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Exports} recognises what it is pointed at. */
class ExportsTest {

    @Test
    void anXmlFileAFolderOfXmlExportsOrTheirZip(@TempDir Path tmp) {
        assertThat(codes(Samples.RNCP_XML)).hasSize(12).first().isEqualTo("RNCP34762");
        // the RNCP and RS exports of one day, side by side: both, by file name
        assertThat(codes(Samples.XML_FOLDER)).hasSize(20).startsWith("RNCP34762").endsWith("RS7423");
        Path zip = Samples.zip(tmp.resolve("export-fiches-rs-v4-1-2026-08-16.zip"), List.of(Samples.RS_XML));
        assertThat(codes(zip)).hasSize(8).first().isEqualTo("RS6232");
    }

    @Test
    void aCsvFolderOneOfItsPartsOrItsZip(@TempDir Path tmp) {
        assertThat(codes(Samples.CSV_FOLDER)).hasSize(2580);
        assertThat(codes(Samples.CSV_FOLDER.resolve("export_fiches_CSV_Nsf_2021_01_31.csv"))).hasSize(2580);
        Path zip = Samples.zip(tmp.resolve("export-fiches-csv-2021-01-31.zip"), Samples.filesOf(Samples.CSV_FOLDER));
        assertThat(codes(zip)).hasSize(2580);
    }

    @Test
    void anythingElseIsRefused(@TempDir Path tmp) throws IOException {
        assertThatThrownBy(() -> Exports.open(tmp.resolve("missing.xml"))).isInstanceOf(ExportFormatException.class)
                .hasMessageEndingWith("missing.xml does not exist");
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertThatThrownBy(() -> Exports.open(empty)).isInstanceOf(ExportFormatException.class)
                .hasMessageEndingWith("empty holds no export: no CSV Standard part, no .xml, no .zip");
        Path text = Files.writeString(tmp.resolve("fiches.json"), "{}");
        assertThatThrownBy(() -> Exports.open(text)).isInstanceOf(ExportFormatException.class);
    }

    private static List<String> codes(Path path) {
        try (Stream<FicheResult> results = Exports.open(path).stream()) {
            return results.map(FicheResult::ficheNumber).toList();
        }
    }
}
