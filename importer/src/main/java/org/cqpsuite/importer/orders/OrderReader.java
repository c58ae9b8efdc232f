package org.cqpsuite.importer.orders;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cqpsuite.importer.fiche.ExportFormatException;

/**
 * Reads the transcription of the 2014 orders ({@code cqp_registered_rncp_arretes_2014.csv}: {@code ;}-separated,
 * header {@code source_repo;source_path;date_arrete;intitule;est_cqpi;codes_nsf;duree_enregistrement_ans;nb_cpne;
 * organismes_delivrants}). The NOR number comes from the source path ({@code arrete-du-20-janvier-2014-etsd1401196a}),
 * the issuers are separated by {@code " || "}, the NSF codes by {@code |}.
 */
public final class OrderReader {

    /** Whether a file is such a transcription, by its name. */
    public static boolean recognises(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().startsWith("cqp_registered_rncp_arretes_")
                && path.getFileName().toString().endsWith(".csv");
    }

    private static final Pattern NOR = Pattern.compile("-([a-z]{4}\\d{7}[a-z])(?:/|$)");

    private OrderReader() {
    }

    public static List<OrderRow> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .setTrim(true).get();
        List<OrderRow> rows = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        try (Reader reader = new StringReader(text)) {
            for (CSVRecord record : format.parse(reader)) {
                String where = file.getFileName() + " line " + (record.getRecordNumber() + 1);
                try {
                    String path = record.get("source_path");
                    Matcher nor = NOR.matcher(path.toLowerCase(Locale.ROOT));
                    if (!nor.find()) {
                        throw new ExportFormatException(where + ": no NOR number in the source path " + path);
                    }
                    LocalDate date = LocalDate.parse(record.get("date_arrete"));
                    String key = date + nor.group(1);
                    int position = positions.merge(key, 1, Integer::sum);
                    List<String> nsf = Arrays.stream(record.get("codes_nsf").split("\\|")).map(String::strip)
                            .filter(c -> !c.isEmpty()).toList();
                    List<String> issuers = Arrays.stream(record.get("organismes_delivrants").split("\\s*\\|\\|\\s*"))
                            .map(String::strip).filter(c -> !c.isEmpty()).toList();
                    rows.add(new OrderRow(date, nor.group(1).toUpperCase(Locale.ROOT), position,
                            record.get("intitule"), Boolean.parseBoolean(record.get("est_cqpi")), nsf,
                            Integer.parseInt(record.get("duree_enregistrement_ans")), issuers));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw new ExportFormatException(where + ": " + e.getMessage());
                }
            }
        }
        return rows;
    }
}
