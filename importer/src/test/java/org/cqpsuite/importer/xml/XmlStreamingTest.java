package org.cqpsuite.importer.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cqpsuite.importer.fiche.Fiche;
import org.cqpsuite.importer.fiche.FicheResult;
import org.cqpsuite.importer.fiche.FicheSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays bounded: an export larger than the whole heap (the pom gives this test JVM 64 MB) is read fiche by fiche.
 * A reader that built the document, or kept the fiches, would run out of memory long before the end.
 */
class XmlStreamingTest {

    private static final int FICHES = 30_000;
    /** Fiche texts and skipped partners, so that 30 000 fiches weigh more than the heap. */
    private static final int TEXT_CHARS = 2_000;
    private static final int PARTNERS = 5;

    @Test
    void anExportLargerThanTheHeapIsReadOneFicheAtATime(@TempDir Path tmp) throws IOException {
        long heap = Runtime.getRuntime().maxMemory();
        // Run outside Maven with a large heap, the file would prove nothing: skip rather than write gigabytes.
        assumeTrue(heap <= 256L * 1024 * 1024, "run with a small heap (the pom's -Xmx64m) to prove streaming");
        Path export = tmp.resolve("export_fiches_RNCP_V4_1_2099-01-01.xml");
        writeExport(export);
        assertThat(Files.size(export)).as("the generated export is larger than the whole heap").isGreaterThan(heap);

        long read = 0;
        long active = 0;
        try (FicheSource source = new XmlFicheReader().open(export)) {
            while (source.hasNext()) {
                FicheResult result = source.next();
                assertThat(result).isInstanceOf(FicheResult.Accepted.class);
                Fiche fiche = ((FicheResult.Accepted) result).fiche();
                read++;
                // fiches arrive in the document's order, each complete
                assertThat(fiche.code()).isEqualTo("RNCP" + (100_000 + read));
                assertThat(fiche.frameworks().attestedSkills()).hasSize(TEXT_CHARS);
                assertThat(fiche.blocks()).hasSize(1);
                if (fiche.active()) {
                    active++;
                }
            }
        }

        assertThat(read).isEqualTo(FICHES);
        assertThat(active).isEqualTo(FICHES / 2);
    }

    private static void writeExport(Path export) throws IOException {
        String text = "Compétence attestée. ".repeat(TEXT_CHARS / 21 + 1).substring(0, TEXT_CHARS);
        try (Writer out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<FICHES>\n");
            out.write("  <VERSION_FLUX>4.1</VERSION_FLUX>\n");
            for (int i = 1; i <= FICHES; i++) {
                String code = "RNCP" + (100_000 + i);
                out.write("  <FICHE>\n    <ID_FICHE>" + i + "</ID_FICHE>\n    <NUMERO_FICHE>" + code
                        + "</NUMERO_FICHE>\n    <INTITULE>Certification générée n° " + i + "</INTITULE>\n"
                        + "    <ACTIF>" + (i % 2 == 0 ? "Oui" : "Non") + "</ACTIF>\n"
                        + "    <TYPE_ENREGISTREMENT>Enregistrement sur demande</TYPE_ENREGISTREMENT>\n"
                        + "    <DATE_DECISION>15/01/2021</DATE_DECISION>\n"
                        + "    <DATE_FIN_ENREGISTREMENT>15/01/2026</DATE_FIN_ENREGISTREMENT>\n"
                        + "    <NOMENCLATURE_EUROPE><NIVEAU>NIV3</NIVEAU></NOMENCLATURE_EUROPE>\n"
                        + "    <CAPACITES_ATTESTEES>" + text + "</CAPACITES_ATTESTEES>\n"
                        + "    <BLOCS_COMPETENCES><BLOC_COMPETENCES><CODE>" + code + "BC01</CODE>"
                        + "<LIBELLE>Bloc</LIBELLE><LISTE_COMPETENCES>" + text.substring(0, 500)
                        + "</LISTE_COMPETENCES></BLOC_COMPETENCES></BLOCS_COMPETENCES>\n    <PARTENAIRES>\n");
                for (int p = 0; p < PARTNERS; p++) {
                    out.write("      <PARTENAIRE><NOM_PARTENAIRE>Organisme " + p + "</NOM_PARTENAIRE>"
                            + "<SIRET_PARTENAIRE>1234567890123" + p + "</SIRET_PARTENAIRE>"
                            + "<HABILITATION_PARTENAIRE>HABILITATION_FORMER</HABILITATION_PARTENAIRE>"
                            + "<ETAT_HABILITATION>Actif</ETAT_HABILITATION></PARTENAIRE>\n");
                }
                out.write("    </PARTENAIRES>\n  </FICHE>\n");
            }
            out.write("</FICHES>\n");
        }
    }
}
