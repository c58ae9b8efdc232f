package org.cqpsuite.importer.write;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.cqpsuite.importer.classification.CertificationKind;
import org.cqpsuite.importer.classification.CertifierBranches;
import org.cqpsuite.importer.classification.Classification;
import org.cqpsuite.importer.fiche.Certifier;
import org.cqpsuite.importer.fiche.Directory;
import org.cqpsuite.importer.fiche.Fiche;
import org.cqpsuite.importer.fiche.Frameworks;
import org.cqpsuite.importer.fiche.RegistrationType;
import org.cqpsuite.importer.fiche.SkillsBlock;

/**
 * Turns a fiche and its classification into what the two import endpoints take. Plain Java.
 *
 * <p>What the directory does not say is decided here, and each decision is noted for the report:
 * <ul>
 * <li><b>CPNEs.</b> A CQP/CQPI's CPNEs are its certifiers whose branch is known ({@link CertifierBranches}, e.g. the
 * demo's {@code cpne-branches.csv}), then the fiche's own {@code CODES_IDCC}. A CQP/CQPI without any known branch is
 * rejected: certification-service requires its CPNEs, and guessing a branch would make recognition answers wrong.
 * An OTHER certification has no CPNE (its certifiers are not CPNEs).</li>
 * <li><b>Codes.</b> NSF and ROME codes that the suite's rules refuse (whole ROME domains such as {@code M}, 2-digit NSF
 * domains) are left out, and noted.</li>
 * <li><b>Dates.</b> The first day is {@code DATE_EFFET}, else {@code DATE_DECISION}. When the fiche gives neither (the
 * whole 2021 CSV set), it is inferred as the earliest day the registration can have started: five years (the
 * longest registration on request, L6113-5) before its end date, plus a day, but not after the export date for an
 * active fiche; an active fiche without any date starts on the export date; an inactive one without any date stays
 * without: only its certification is written (never in force, as far as the export says; its code answers
 * "unknown" in the eligibility API until an export dates it). A missing decision date takes the first day. An active
 * fiche whose end date is before the export date (12 in the 2021 set) is taken to be in force until the export date:
 * the flag is the directory's own answer for that day.</li>
 * <li><b>Frameworks</b> (XML only): activities from {@code ACTIVITES_VISEES} and {@code TYPE_EMPLOI_ACCESSIBLES},
 * skills from the blocks' {@code LISTE_COMPETENCES} (or {@code CAPACITES_ATTESTEES} without blocks), one item per
 * line. The evaluation framework is not imported: the directory gives the blocks' evaluation methods but no criteria,
 * and certification-service requires both.</li>
 * </ul>
 */
public final class FicheTranslator {

    /** The longest registration on request (Code du travail, art. L6113-5: at most five years). */
    static final int LONGEST_REGISTRATION_YEARS = 5;

    private static final Pattern NSF = Pattern.compile("\\d{3}[a-z]?");
    private static final Pattern ROME = Pattern.compile("[A-Z]\\d{4}");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("\\R|\\s{3,}|\\u2022|\\u25CF");
    private static final int BLOCK_CODE_MAX = 32;

    /**
     * What a fiche becomes, with the notes on what was inferred or left out; {@code registration} is {@code null} for
     * an inactive fiche without any date.
     */
    public record Translation(CertificationItem certification, RegistrationItem registration, List<String> notes) {
    }

    /** A fiche that cannot be written, and why. */
    public static final class UntranslatableFicheException extends Exception {
        public UntranslatableFicheException(String message) {
            super(message);
        }
    }

    private final CertifierBranches branches;

    public FicheTranslator(CertifierBranches branches) {
        this.branches = branches;
    }

    public Translation translate(Fiche fiche, Classification classification, LocalDate exportDate)
            throws UntranslatableFicheException {
        List<String> notes = new ArrayList<>();
        String kind = classification.kind().name();
        List<CertificationItem.Cpne> cpnes = classification.kind() == CertificationKind.OTHER ? List.of()
                : cpnes(fiche, classification);
        if (classification.kind() != CertificationKind.OTHER && cpnes.isEmpty()) {
            throw new UntranslatableFicheException(kind + " sans branche connue : aucun de ses certificateurs ("
                    + names(fiche) + ") n'est rattaché à une IDCC, et la fiche ne donne pas de CODES_IDCC ; "
                    + "ajoutez le certificateur à la table des CPNE (cpne-branches.csv)");
        }
        List<String> nsf = codes(fiche.nsfCodes(), NSF, "NSF", notes, true);
        List<String> rome = codes(fiche.romeCodes(), ROME, "ROME", notes, false);
        CertificationItem certification = new CertificationItem(fiche.code(), null, kind, fiche.title(), cpnes, nsf, rome,
                frameworks(fiche, notes));
        return new Translation(certification, registration(fiche, kind, exportDate, notes), List.copyOf(notes));
    }

    private List<CertificationItem.Cpne> cpnes(Fiche fiche, Classification classification) {
        Map<String, CertificationItem.Cpne> byIdcc = new LinkedHashMap<>();
        for (Certifier certifier : fiche.certifiers()) {
            for (String idcc : branches.idccsOf(certifier)) {
                byIdcc.putIfAbsent(idcc, new CertificationItem.Cpne(certifier.name(), idcc));
            }
        }
        for (String idcc : classification.branchIdccs()) {
            byIdcc.putIfAbsent(idcc, new CertificationItem.Cpne("CPNE de la branche IDCC " + idcc, idcc));
        }
        return List.copyOf(byIdcc.values());
    }

    private static RegistrationItem registration(Fiche fiche, String kind, LocalDate exportDate, List<String> notes) {
        LocalDate effective = fiche.effectiveDate() != null ? fiche.effectiveDate() : fiche.decisionDate();
        if (effective == null) {
            if (fiche.endDate() != null) {
                LocalDate earliest = fiche.endDate().minusYears(LONGEST_REGISTRATION_YEARS).plusDays(1);
                effective = fiche.active() && earliest.isAfter(exportDate) ? exportDate : earliest;
                notes.add("premier jour déduit : " + effective + " (la fiche ne donne ni date d'effet ni date de "
                        + "décision ; fin le " + fiche.endDate() + ")");
            } else if (fiche.active()) {
                effective = exportDate;
                notes.add("premier jour déduit : la date de l'export, " + exportDate
                        + " (fiche active sans aucune date)");
            } else {
                // Nothing to record: a registration needs at least a decision or first day, and the export gives
                // none. The certification is written; its code answers "unknown" until an export dates it.
                notes.add("fiche inactive sans aucune date : certification écrite, enregistrement non enregistré "
                        + "(jamais en vigueur d'après l'export)");
                return null;
            }
        }
        LocalDate endsOn = fiche.endDate();
        if (fiche.active() && endsOn != null && endsOn.isBefore(exportDate)) {
            // The flag says it is in force on the export date; the end date says otherwise. The flag is the
            // directory's own answer for that day, so the registration is taken to last at least until then.
            notes.add("fiche active dont la fin (" + endsOn + ") précède l'export : en vigueur jusqu'au " + exportDate);
            endsOn = exportDate;
        }
        LocalDate decided = fiche.decisionDate() != null ? fiche.decisionDate() : effective;
        String type = fiche.registrationType() != null ? fiche.registrationType().name()
                : RegistrationType.ON_REQUEST.name();
        if (fiche.registrationType() == null) {
            notes.add("type d'enregistrement absent : sur demande");
        }
        boolean rncp = fiche.directory() == Directory.RNCP;
        List<RegistrationItem.Block> blocks = rncp ? fiche.blocks().stream()
                .map(b -> new RegistrationItem.Block(b.code(), b.title() == null ? b.code() : b.title())).toList()
                : List.of();
        return new RegistrationItem(null, kind, fiche.directory().name(), fiche.code(), null, fiche.active(), type, decided,
                effective, endsOn, fiche.awardDeadline(), rncp ? fiche.level() : null, blocks,
                fiche.predecessorCodes(), fiche.successorCodes());
    }

    private static List<String> codes(List<String> codes, Pattern rule, String name, List<String> notes,
            boolean lowerLetter) {
        List<String> kept = new ArrayList<>();
        for (String code : codes) {
            String normalized = lowerLetter ? code.strip().toLowerCase(Locale.ROOT) : code.strip().toUpperCase(Locale.ROOT);
            if (rule.matcher(normalized).matches()) {
                kept.add(normalized);
            } else {
                notes.add("code " + name + " " + code + " laissé de côté (un domaine, pas un code complet)");
            }
        }
        return List.copyOf(new LinkedHashSet<>(kept));
    }

    private static Map<String, Object> frameworks(Fiche fiche, List<String> notes) {
        Frameworks texts = fiche.frameworks();
        Map<String, Object> frameworks = new LinkedHashMap<>();
        List<String> activities = items(texts.activities());
        List<Map<String, Object>> jobs = items(texts.targetedJobs()).stream()
                .map(title -> Map.<String, Object>of("title", title)).toList();
        if (!activities.isEmpty()) {
            frameworks.put("activities", Map.of("workSituations", List.of(), "activities", activities,
                    "targetedJobs", jobs));
        }
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (SkillsBlock block : fiche.blocks()) {
            List<String> skills = items(block.skills());
            if (skills.isEmpty() || block.code() == null || block.code().length() > BLOCK_CODE_MAX) {
                continue;
            }
            blocks.add(Map.of("code", block.code(), "title", block.title() == null ? block.code() : block.title(),
                    "skills", skills.stream().map(s -> Map.<String, Object>of("label", s, "transversal", false))
                            .toList()));
        }
        if (blocks.isEmpty() && !items(texts.attestedSkills()).isEmpty()) {
            blocks.add(Map.of("code", "CAPACITES", "title", "Capacités attestées", "skills",
                    items(texts.attestedSkills()).stream()
                            .map(s -> Map.<String, Object>of("label", s, "transversal", false)).toList()));
        }
        if (!blocks.isEmpty()) {
            frameworks.put("skills", Map.of("blocks", blocks));
        }
        if (frameworks.isEmpty()) {
            return null;
        }
        if (fiche.blocks().stream().anyMatch(b -> b.evaluation() != null)) {
            notes.add("référentiel d'évaluation non importé : le répertoire donne les modalités sans les critères");
        }
        return frameworks;
    }

    /** The items of a free text: one per line (the export collapses lines into runs of spaces), each once. */
    static List<String> items(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        Map<String, Boolean> keys = new LinkedHashMap<>();
        for (String part : ITEM_SEPARATOR.split(text)) {
            String item = part.strip().replaceAll("\\s+", " ");
            if (!item.isEmpty() && keys.putIfAbsent(item.toLowerCase(Locale.ROOT), true) == null) {
                seen.add(item);
            }
        }
        return List.copyOf(seen);
    }

    private static String names(Fiche fiche) {
        return fiche.certifiers().isEmpty() ? "aucun"
                : String.join(", ", fiche.certifiers().stream().map(Certifier::name).toList());
    }
}
