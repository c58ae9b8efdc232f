package org.cqpsuite.importer.write;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cqpsuite.importer.classification.CertifierBranches;

/**
 * Reads a CPNE → branch table ({@code name;idcc;...}, UTF-8, header line; e.g. {@code demo-data/cpne-branches.csv}):
 * which IDCC each certifier named in the exports belongs to. Rows without an IDCC (names that could not be mapped) are
 * skipped.
 */
public final class CertifierBranchesFile {

    private CertifierBranchesFile() {
    }

    public static CertifierBranches load(Path file) throws IOException {
        Map<String, List<String>> byName = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .setTrim(true).get();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (Reader reader = new StringReader(text)) {
            for (CSVRecord row : format.parse(reader)) {
                String name = row.get("name");
                String idcc = row.get("idcc");
                if (!name.isBlank() && idcc != null && !idcc.isBlank()) {
                    byName.computeIfAbsent(name, k -> new ArrayList<>()).add(idcc);
                }
            }
        }
        return CertifierBranches.byName(byName);
    }
}
