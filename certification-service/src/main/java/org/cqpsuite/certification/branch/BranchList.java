package org.cqpsuite.certification.branch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the Légifrance list of collective agreements ({@code idcc;libelle;kalicont;etats_juridiques;en_vigueur;
 * titre_legifrance;url}, {@code ;}-separated, fields optionally double-quoted). Plain Java.
 */
public final class BranchList {

    static final Pattern IDCC = Pattern.compile("\\d{4}");
    private static final List<String> HEADER = List.of("idcc", "libelle", "kalicont", "etats_juridiques", "en_vigueur",
            "titre_legifrance", "url");

    /** Rows that group several codes already listed one by one, e.g. {@code 1740 1841 1843}. */
    private static final Pattern GROUPED_IDCC = Pattern.compile("\\d{4}( +\\d{4})+");

    /** The agreements read, and the rows deliberately left out with the reason. */
    public record Parsed(List<Entry> entries, List<String> skipped) {
    }

    /** One agreement of the list. */
    public record Entry(String idcc, String label, String kaliId, String legalState, Boolean inForce, String title,
            String url) {
    }

    private BranchList() {
    }

    /**
     * Every agreement of the list, in file order; a malformed line stops the read with its line number. A row whose
     * code field groups several IDCC codes (the 2024-02-20 list has {@code 1740 1841 1843}, each also listed on its
     * own row) names no single branch: it is skipped and reported.
     */
    public static Parsed read(Reader source) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        String header = reader.readLine();
        if (header == null) {
            throw new IOException("Empty branch list");
        }
        Map<String, Integer> columns = indexOf(fields(stripBom(header)));
        List<Entry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() != columns.size()) {
                throw new IOException("Line " + number + ": " + fields.size() + " fields, expected " + columns.size());
            }
            String idcc = zeroPadded(fields.get(columns.get("idcc")));
            if (GROUPED_IDCC.matcher(idcc).matches()) {
                skipped.add("Line " + number + ": '" + idcc + "' groups several IDCC codes, each listed on its own row");
                continue;
            }
            if (!IDCC.matcher(idcc).matches()) {
                throw new IOException("Line " + number + ": IDCC " + idcc + " is not 4 digits");
            }
            entries.add(new Entry(idcc, fields.get(columns.get("libelle")), blankToNull(fields.get(columns.get("kalicont"))),
                    blankToNull(fields.get(columns.get("etats_juridiques"))),
                    inForce(fields.get(columns.get("en_vigueur")), number),
                    blankToNull(fields.get(columns.get("titre_legifrance"))), blankToNull(fields.get(columns.get("url")))));
        }
        return new Parsed(entries, skipped);
    }

    private static Map<String, Integer> indexOf(List<String> header) throws IOException {
        if (!header.containsAll(HEADER)) {
            throw new IOException("Branch list header must contain " + HEADER + ", found " + header);
        }
        return HEADER.stream().collect(Collectors.toMap(Function.identity(), header::indexOf));
    }

    /** Splits one line on {@code ;}, honouring double quotes ({@code ""} inside quotes is a quote). */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ';') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().trim());
        return fields;
    }

    /** Lower case without accents, trimmed: how labels are stored for search and how queries are compared. */
    public static String fold(String text) {
        return java.text.Normalizer.normalize(text.trim(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static Boolean inForce(String value, int line) throws IOException {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IOException("Line " + line + ": en_vigueur must be true, false or empty, not " + value);
        };
    }

    private static String zeroPadded(String idcc) {
        String digits = idcc.trim();
        return digits.length() < 4 && !digits.isEmpty() ? "0".repeat(4 - digits.length()) + digits : digits;
    }

    private static String stripBom(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
