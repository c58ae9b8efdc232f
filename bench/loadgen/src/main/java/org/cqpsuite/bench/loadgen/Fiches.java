package org.cqpsuite.bench.loadgen;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a synthetic France compétences export in the official CSV schema (the parts of
 * {@code demo-data/france-competences/csv-2021-01}: {@code export_fiches_CSV_<Part>_AAAA_MM_JJ.csv}, {@code ;}, UTF-8
 * with BOM, CRLF), for the import benchmark.
 *
 * <p>Fiche {@code i} has the code {@code RNCP<first + i>} (by default RNCP60000 to RNCP89999: far above the real
 * codes, which are below RNCP41000 in 2026, and apart from the other benchmarks' ranges). The mix, fixed by {@code i}:
 * one fiche in 10 is a CQP certified by a CPNE of {@code --cpne-branches} (so that it is classified CQP and gets its
 * branch), the others titres professionnels or other certifications; 7 in 10 are active (end 1 to 5 years after the
 * export date), the others inactive (ended before it); levels 3 to 7, two skills blocks, one NSF, one ROME code, one
 * certifier and one access route each, and a predecessor link for one in 20. The last fiche is an active titre,
 * CPF-eligible at the export date: the benchmark waits for its answer.
 */
final class Fiches {

    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[][] ROME = {{"D1212", "Vente en décoration et équipement du foyer"},
        {"H1502", "Management et ingénierie qualité industrielle"}, {"I1304", "Installation et maintenance d'équipements industriels et d'exploitation"},
        {"M1607", "Secrétariat"}, {"N1103", "Magasinage et préparation de commandes"}};
    private static final String[][] NSF = {{"312m", "312m : Commerce, vente"}, {"250r", "250r : Maintenance"},
        {"324", "324 : Secrétariat, bureautique"}, {"311", "311 : Transport, manutention, magasinage"},
        {"200r", "200r : Qualité industrielle"}};

    private Fiches() {
    }

    static int run(Args args) throws IOException {
        Path out = Path.of(args.value("--out").orElseThrow(() -> new IllegalArgumentException("fiches needs --out DIR")));
        int count = args.integer("--fiches", 30_000);
        int first = args.integer("--first", 60_000);
        LocalDate exportDate = LocalDate.parse(args.value("--export-date")
                .orElse(LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1).toString()));
        Path cpneFile = args.value("--cpne-branches").map(Path::of).orElse(null);
        args.rejectUnused();
        if (count < 1 || first + count - 1 > 99_999 || first < 100) {
            throw new IllegalArgumentException("--first and --fiches must keep the codes within RNCP100..RNCP99999");
        }
        List<String> cpnes = new ArrayList<>();
        if (cpneFile != null) {
            List<String> lines = Files.readAllLines(cpneFile, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String name = line.split(";", 2)[0].trim();
                if (!name.isEmpty()) {
                    cpnes.add(name);
                }
            }
        }
        Files.createDirectories(out);
        String date = exportDate.format(DateTimeFormatter.ofPattern("yyyy_MM_dd"));
        try (Part standard = new Part(out, "Standard", date, "Id_Fiche;Numero_Fiche;Intitule;Abrege_Libelle;"
                + "Abrege_Intitule;Nomenclature_Europe_Niveau;Nomenclature_Europe_Intitule;Accessible_Nouvelle_Caledonie;"
                + "Accessible_Polynesie_Francaise;Date_dernier_jo;Date_Decision;Date_Fin_Enregistrement;Date_Effet;"
                + "Type_Enregistrement;Validation_Partielle;Actif");
             Part blocks = new Part(out, "Blocs_De_Compétences", date,
                     "Numero_Fiche;Bloc_Competences_Code;Bloc_Competences_Libelle");
             Part certifiers = new Part(out, "Certificateurs", date, "Numero_Fiche;Siret_Certificateur;Nom_Certificateur");
             Part nsf = new Part(out, "Nsf", date, "Numero_Fiche;Nsf_Code;Nsf_Intitule");
             Part rome = new Part(out, "Rome", date, "Numero_Fiche;Codes_Rome_Code;Codes_Rome_Libelle");
             Part links = new Part(out, "Ancienne_Nouvelle_Certification", date,
                     "Numero_Fiche;Ancienne_Certification;Nouvelle_Certification");
             Part access = new Part(out, "VoixdAccès", date, "Numero_Fiche;Si_Jury")) {
            for (int i = 0; i < count; i++) {
                boolean last = i == count - 1;
                String code = "RNCP" + (first + i);
                boolean cqp = !last && !cpnes.isEmpty() && i % 10 == 3;
                boolean active = last || i % 10 < 7;
                int level = 3 + i % 5;
                LocalDate end = active ? exportDate.plusDays(365 + (i * 37L) % (4 * 365))
                        : exportDate.minusDays(30 + (i * 53L) % 1500);
                String title = (cqp ? "CQP " : "") + "Métier synthétique n° " + (first + i) + " du banc d'import";
                String abbrev = cqp ? "CQP;Certificat de qualification professionnelle"
                        : i % 3 == 0 ? "TP;Titre professionnel" : "Autre;Autre certification professionnelle";
                String type = cqp || i % 2 == 0 ? "Enregistrement sur demande" : "Enregistrement de droit";
                standard.line(";" + code + ";" + title + ";" + abbrev + ";NIV" + level + ";Niveau " + level
                        + ";;;;;" + end.format(FR) + ";;" + type + ";;" + (active ? "ACTIVE" : "INACTIVE"));
                for (int b = 1; b <= 2; b++) {
                    blocks.line(code + ";" + code + "BC0" + b + ";Bloc " + b + " du métier synthétique n° " + (first + i));
                }
                certifiers.line(code + ";;" + (cqp ? cpnes.get(i % cpnes.size()) : "Organisme certificateur synthétique "
                        + (i % 97)));
                String[] n = NSF[i % NSF.length];
                nsf.line(code + ";" + n[0] + ";" + n[1]);
                String[] r = ROME[i % ROME.length];
                rome.line(code + ";" + r[0] + ";" + r[1]);
                if (i % 20 == 5 && i > 0) {
                    links.line(code + ";RNCP" + (first + i - 1) + ";");
                }
                access.line(code + ";Par expérience");
            }
        }
        System.out.printf(Locale.ROOT, "fiches: %d synthetic fiches RNCP%d..RNCP%d, export of %s, in %s (last: RNCP%d)%n",
                count, first, first + count - 1, exportDate, out, first + count - 1);
        return 0;
    }

    /** One CSV part: UTF-8 with BOM, CRLF, as France compétences writes them. */
    private static final class Part implements AutoCloseable {
        private final BufferedWriter w;

        Part(Path dir, String name, String date, String header) throws IOException {
            w = Files.newBufferedWriter(dir.resolve("export_fiches_CSV_" + name + "_" + date + ".csv"),
                    StandardCharsets.UTF_8);
            w.write('\uFEFF');
            line(header);
        }

        void line(String s) throws IOException {
            w.write(s);
            w.write("\r\n");
        }

        @Override
        public void close() throws IOException {
            w.close();
        }
    }
}
