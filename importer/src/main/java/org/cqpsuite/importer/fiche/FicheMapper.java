package org.cqpsuite.importer.fiche;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks and normalises the values of a {@link RawFiche} into a {@link Fiche}. Shared by both readers, so both formats
 * follow the same rules:
 * <ul>
 *   <li>blank values are absent ({@code null}); non-breaking spaces count as spaces (the 2021 CSV ends some names with
 *       one); titles, names and labels have their whitespace collapsed, framework texts are only trimmed;</li>
 *   <li>dates must be {@code JJ/MM/AAAA} and exist (no 31/02);</li>
 *   <li>the fiche code must be {@code RNCP} or {@code RS} followed by digits, and so must predecessor and successor
 *       codes; IDCC codes 1 to 4 digits (zero-padded to 4); NSF codes 2 or 3 digits and an optional letter; ROME codes
 *       a letter and up to 4 digits (the 2021 set has whole ROME domains, {@code M} or {@code A13}); SIRET 14 digits; levels {@code NIV1}..{@code NIV8} or {@code AUCUN};</li>
 *   <li>{@code ACTIF} and {@code INTITULE} are required.</li>
 * </ul>
 * A value breaking a rule rejects the whole fiche, with every problem named: a half-understood fiche must not reach the
 * services. Problems name the XML V4.1 elements (the CSV columns are the same words in other case).
 */
public final class FicheMapper {

    private static final Pattern FICHE_CODE = Pattern.compile("(RNCP|RS)\\d{1,6}");
    private static final Pattern DATE = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");
    private static final DateTimeFormatter JJ_MM_AAAA =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern LEVEL = Pattern.compile("NIV([1-8])");
    private static final Pattern IDCC = Pattern.compile("\\d{1,4}");
    private static final Pattern NSF = Pattern.compile("\\d{2,3}[a-z]?");
    private static final Pattern ROME = Pattern.compile("[A-Z]\\d{0,4}");
    private static final Pattern SIRET = Pattern.compile("\\d{14}");
    private static final Pattern YEARS = Pattern.compile("\\d{1,3}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    // Non-breaking and figure spaces are not whitespace for String.strip(); the export uses them as plain spaces.
    private static final Pattern ODD_SPACES = Pattern.compile("[\\u00A0\\u2007\\u202F\\uFEFF]");

    private FicheMapper() {
    }

    /**
     * Maps the values of one fiche.
     *
     * @throws FicheRejection listing every problem when the values break a rule
     */
    public static Fiche map(RawFiche raw) throws FicheRejection {
        List<String> problems = new ArrayList<>(raw.problems);

        String numeroFiche = text(raw.numeroFiche);
        String code = null;
        Directory directory = null;
        if (numeroFiche == null) {
            problems.add("NUMERO_FICHE missing");
        } else {
            code = numeroFiche.toUpperCase(Locale.ROOT);
            if (!FICHE_CODE.matcher(code).matches()) {
                problems.add("NUMERO_FICHE '" + numeroFiche + "' is not RNCP or RS followed by digits");
            } else {
                directory = Directory.ofCode(code).orElseThrow();
            }
        }

        String title = line(raw.intitule);
        if (title == null) {
            problems.add("INTITULE missing");
        }

        Boolean active = active(raw.actif, problems);
        RegistrationType registrationType = registrationType(raw.typeEnregistrement, problems);
        LocalDate decisionDate = date("DATE_DECISION", raw.dateDecision, problems);
        LocalDate effectiveDate = date("DATE_EFFET", raw.dateEffet, problems);
        LocalDate endDate = date("DATE_FIN_ENREGISTREMENT", raw.dateFinEnregistrement, problems);
        LocalDate awardDeadline = date("DATE_LIMITE_DELIVRANCE", raw.dateLimiteDelivrance, problems);
        Integer years = years(raw.dureeEnregistrement, problems);
        Integer level = level(raw.niveau, problems);

        String abregeCode = line(raw.abregeCode);
        String abregeLabel = line(raw.abregeLibelle);
        Abrege abrege = abregeCode == null && abregeLabel == null ? null : new Abrege(abregeCode, abregeLabel);

        List<SkillsBlock> blocks = blocks(raw.blocks, problems);
        List<Certifier> certifiers = certifiers(raw.certificateurs, problems);
        List<CollectiveAgreement> agreements = new ArrayList<>();
        for (RawFiche.Ccn ccn : raw.ccn) {
            String number = line(ccn.numero);
            String label = line(ccn.libelle);
            if (number != null || label != null) {
                CollectiveAgreement agreement = new CollectiveAgreement(number, label);
                if (!agreements.contains(agreement)) {
                    agreements.add(agreement);
                }
            }
        }

        List<String> idcc = codes("IDCC code", raw.idcc, IDCC, "1 to 4 digits", UnaryOperator.identity(), problems)
                .stream()
                .map(FicheMapper::padIdcc)
                .distinct()
                .sorted()
                .toList();
        List<String> nsf = codes("NSF code", raw.nsf, NSF, "2 or 3 digits and an optional letter",
                value -> value.toLowerCase(Locale.ROOT), problems);
        List<String> rome = codes("ROME code", raw.rome, ROME, "a letter and up to 4 digits",
                value -> value.toUpperCase(Locale.ROOT), problems);
        List<String> predecessors = codes("ANCIENNE_CERTIFICATION", raw.anciennes, FICHE_CODE,
                "RNCP or RS followed by digits", value -> value.toUpperCase(Locale.ROOT), problems);
        List<String> successors = codes("NOUVELLE_CERTIFICATION", raw.nouvelles, FICHE_CODE,
                "RNCP or RS followed by digits", value -> value.toUpperCase(Locale.ROOT), problems);

        Frameworks frameworks = new Frameworks(
                text(raw.activitesVisees), text(raw.typeEmploiAccessibles), text(raw.capacitesAttestees));

        if (!problems.isEmpty()) {
            throw new FicheRejection(problems);
        }
        return new Fiche(directory, code, numeroFiche, text(raw.idFiche), title, abrege, active,
                line(raw.etatFiche), registrationType, decisionDate, effectiveDate, endDate, awardDeadline, years,
                level, blocks, certifiers, idcc, agreements, nsf, rome, predecessors, successors, frameworks);
    }

    /**
     * A value as text: {@code null} when absent or blank, otherwise trimmed (non-breaking spaces included), inner
     * spacing untouched.
     */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = ODD_SPACES.matcher(value).replaceAll(" ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** A value as one line: {@link #text(String)} with every run of whitespace collapsed to one space. */
    public static String line(String value) {
        String cleaned = text(value);
        return cleaned == null ? null : SPACES.matcher(cleaned).replaceAll(" ");
    }

    private static Boolean active(String value, List<String> problems) {
        String cleaned = text(value);
        if (cleaned == null) {
            problems.add("ACTIF missing");
            return null;
        }
        switch (cleaned.toUpperCase(Locale.ROOT)) {
            case "OUI", "ACTIVE", "ACTIF":
                return true;
            case "NON", "INACTIVE", "INACTIF":
                return false;
            default:
                problems.add("ACTIF '" + cleaned + "' is neither Oui/Non nor ACTIVE/INACTIVE");
                return null;
        }
    }

    private static RegistrationType registrationType(String value, List<String> problems) {
        String cleaned = line(value);
        if (cleaned == null) {
            return null;
        }
        String folded = fold(cleaned);
        if (folded.contains("sur demande")) {
            return RegistrationType.ON_REQUEST;
        }
        if (folded.contains("de droit")) {
            return RegistrationType.BY_RIGHT;
        }
        problems.add("TYPE_ENREGISTREMENT '" + cleaned + "' is neither 'de droit' nor 'sur demande'");
        return null;
    }

    private static LocalDate date(String element, String value, List<String> problems) {
        String cleaned = text(value);
        if (cleaned == null) {
            return null;
        }
        if (DATE.matcher(cleaned).matches()) {
            try {
                return LocalDate.parse(cleaned, JJ_MM_AAAA);
            } catch (DateTimeParseException e) {
                // falls through to the problem below: the shape is right but the day does not exist
            }
        }
        problems.add(element + " '" + cleaned + "' is not a valid JJ/MM/AAAA date");
        return null;
    }

    private static Integer years(String value, List<String> problems) {
        String cleaned = text(value);
        if (cleaned == null) {
            return null;
        }
        if (!YEARS.matcher(cleaned).matches()) {
            problems.add("DUREE_ENREGISTREMENT '" + cleaned + "' is not a number of years");
            return null;
        }
        return Integer.valueOf(cleaned);
    }

    private static Integer level(String value, List<String> problems) {
        String cleaned = text(value);
        if (cleaned == null) {
            return null;
        }
        String upper = cleaned.toUpperCase(Locale.ROOT);
        if (upper.equals("AUCUN")) {
            return null;
        }
        Matcher matcher = LEVEL.matcher(upper);
        if (!matcher.matches()) {
            problems.add("NIVEAU '" + cleaned + "' is not NIV1 to NIV8");
            return null;
        }
        return Integer.valueOf(matcher.group(1));
    }

    private static List<SkillsBlock> blocks(List<RawFiche.Block> rawBlocks, List<String> problems) {
        List<SkillsBlock> blocks = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (RawFiche.Block raw : rawBlocks) {
            String code = line(raw.code);
            if (code == null) {
                problems.add("BLOC_COMPETENCES without CODE"
                        + (line(raw.libelle) == null ? "" : " ('" + line(raw.libelle) + "')"));
                continue;
            }
            if (!codes.add(code)) {
                problems.add("BLOC_COMPETENCES code '" + code + "' given twice");
                continue;
            }
            blocks.add(new SkillsBlock(code, line(raw.libelle), text(raw.listeCompetences),
                    text(raw.modalitesEvaluation)));
        }
        return blocks;
    }

    private static List<Certifier> certifiers(List<RawFiche.Certificateur> raws, List<String> problems) {
        List<Certifier> certifiers = new ArrayList<>();
        for (RawFiche.Certificateur raw : raws) {
            String name = line(raw.nom);
            String siret = text(raw.siret);
            if (siret != null) {
                String digits = SPACES.matcher(siret).replaceAll("");
                if (!SIRET.matcher(digits).matches()) {
                    problems.add("SIRET_CERTIFICATEUR '" + siret + "' is not 14 digits");
                    continue;
                }
                siret = digits;
            }
            // The 2021 CSV has rows with neither name nor SIRET: they name nobody, so they are no certifier.
            if (name == null && siret == null) {
                continue;
            }
            Certifier certifier = new Certifier(name, siret);
            if (!certifiers.contains(certifier)) {
                certifiers.add(certifier);
            }
        }
        return certifiers;
    }

    private static List<String> codes(String what, Collection<String> values, Pattern pattern, String expected,
            UnaryOperator<String> normalise, List<String> problems) {
        TreeSet<String> codes = new TreeSet<>();
        for (String value : values) {
            String cleaned = text(value);
            if (cleaned == null) {
                continue;
            }
            String normalised = normalise.apply(cleaned);
            if (pattern.matcher(normalised).matches()) {
                codes.add(normalised);
            } else {
                problems.add(what + " '" + cleaned + "' is not " + expected);
            }
        }
        return List.copyOf(codes);
    }

    private static String padIdcc(String digits) {
        return "0".repeat(4 - digits.length()) + digits;
    }

    /** Lower case without accents, to compare French labels whatever their spelling. */
    static String fold(String value) {
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
