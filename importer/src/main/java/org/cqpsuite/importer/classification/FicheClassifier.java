package org.cqpsuite.importer.classification;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.cqpsuite.importer.fiche.Abrege;
import org.cqpsuite.importer.fiche.Certifier;
import org.cqpsuite.importer.fiche.Fiche;

/**
 * Classifies a fiche as CQP, CQPI or OTHER, saying why. The directories have no "is a CQP" field, and real data is
 * messy, so the evidence is weighed in this order and every piece found is reported:
 * <ol>
 *   <li>the abrégé: code {@code CQP} / {@code CQPI}, or a label "Certificat de qualification professionnelle
 *       [interbranche(s)]";</li>
 *   <li>the title: starts with "CQP" / "CQPI" or "Certificat de qualification professionnelle", CQPI when
 *       "interbranche(s)" follows;</li>
 *   <li>the certifiers: one is a CPNE (CPNE, CPNEF, CPNEFP...), a commission paritaire, a joint (paritaire) body or a
 *       body named after its branch ("... dans la branche sécurité privée"), or one whose branch the
 *       {@link CertifierBranches} knows. Federations, unions and schools are not: they issue their own
 *       certifications.</li>
 * </ol>
 * A CQP whose certifiers belong to two or more distinct branches (IDCC, when {@link CertifierBranches} knows them) is a
 * CQPI (article L6113-4). The fiche's own {@code CODES_IDCC} give the carrying branches when the certifiers' are
 * unknown, but never turn a CQP into a CQPI: a fiche may list the agreements where a CQP is used, not only those of
 * the branches that created it.
 */
public final class FicheClassifier {

    private static final Pattern CQP_LABEL = Pattern.compile("^certificats? de qualification professionnelle\\b.*");
    private static final Pattern INTERBRANCH = Pattern.compile("\\binter-?branches?\\b");
    private static final Pattern TITLE_CQPI = Pattern.compile("^cqpi\\b.*");
    private static final Pattern TITLE_CQP = Pattern.compile("^cqp\\b.*");

    private static final List<BodyPattern> BRANCH_BODIES = List.of(
            new BodyPattern(Pattern.compile("\\bcpne"), "a CPNE"),
            new BodyPattern(Pattern.compile("\\bcommission\\s+(nationale\\s+)?paritaire"), "a commission paritaire"),
            new BodyPattern(Pattern.compile("\\bparitarisme\\b|\\b(association|organisme|institution|instance)"
                    + "\\s+paritaire"), "a joint (paritaire) body"),
            new BodyPattern(Pattern.compile("\\bbranches?\\b"), "a body named after its branch"));

    private final CertifierBranches branches;

    /** A classifier that knows no certifier's branch: branches come from the fiches' {@code CODES_IDCC} only. */
    public FicheClassifier() {
        this(CertifierBranches.none());
    }

    /** A classifier that looks the certifiers' branches up in {@code branches}. */
    public FicheClassifier(CertifierBranches branches) {
        this.branches = branches;
    }

    /** Classifies one fiche. */
    public Classification classify(Fiche fiche) {
        List<String> reasons = new ArrayList<>();
        boolean cqp = false;
        boolean cqpi = false;
        Basis basis = Basis.NONE;

        Abrege abrege = fiche.abrege();
        if (abrege != null) {
            String code = abrege.code() == null ? "" : fold(abrege.code()).strip();
            String label = abrege.label() == null ? "" : fold(abrege.label()).strip();
            boolean cqpLabel = CQP_LABEL.matcher(label).matches();
            if (code.equals("cqpi") || cqpLabel && INTERBRANCH.matcher(label).find()) {
                cqpi = true;
                reasons.add("abrégé " + describe(abrege) + " says CQPI");
                basis = Basis.ABREGE;
            } else if (code.equals("cqp") || cqpLabel) {
                cqp = true;
                reasons.add("abrégé " + describe(abrege) + " says CQP");
                basis = Basis.ABREGE;
            }
        }

        String title = fold(fiche.title()).strip();
        boolean cqpTitle = TITLE_CQP.matcher(title).matches() || CQP_LABEL.matcher(title).matches();
        if (TITLE_CQPI.matcher(title).matches() || cqpTitle && INTERBRANCH.matcher(title).find()) {
            cqpi = true;
            reasons.add("title '" + fiche.title() + "' names a CQPI");
            basis = basis == Basis.NONE ? Basis.TITLE : basis;
        } else if (cqpTitle) {
            cqp = true;
            reasons.add("title '" + fiche.title() + "' names a CQP");
            basis = basis == Basis.NONE ? Basis.TITLE : basis;
        }

        Set<String> certifierIdccs = new TreeSet<>();
        for (Certifier certifier : fiche.certifiers()) {
            Set<String> idccs = branches.idccsOf(certifier);
            certifierIdccs.addAll(idccs);
            String body = certifier.name() == null ? null : branchBody(certifier.name());
            if (body != null || !idccs.isEmpty()) {
                cqp = true;
                String why = body != null ? "is " + body : "belongs to branch(es) " + String.join(", ", idccs);
                reasons.add("certifier '" + certifier.name() + "' " + why);
                basis = basis == Basis.NONE ? Basis.CERTIFIER : basis;
            }
        }

        if (!cqp && !cqpi) {
            reasons.add("no CQP evidence: "
                    + (abrege == null ? "no abrégé" : "abrégé " + describe(abrege)) + ", title not a CQP title, "
                    + (fiche.certifiers().isEmpty()
                            ? "no certifier"
                            : "no certifier is a CPNE, a commission paritaire or a branch body"));
            return new Classification(fiche.code(), CertificationKind.OTHER, Basis.NONE, reasons, List.of());
        }

        CertificationKind kind = cqpi ? CertificationKind.CQPI : CertificationKind.CQP;
        if (kind == CertificationKind.CQP && certifierIdccs.size() >= 2) {
            kind = CertificationKind.CQPI;
            reasons.add("its certifiers belong to " + certifierIdccs.size() + " branches ("
                    + String.join(", ", certifierIdccs) + "): interbranch");
        }
        List<String> idccs;
        if (!certifierIdccs.isEmpty()) {
            idccs = List.copyOf(certifierIdccs);
        } else if (!fiche.idccCodes().isEmpty()) {
            idccs = fiche.idccCodes();
            reasons.add("carrying branches from CODES_IDCC: " + String.join(", ", idccs));
        } else {
            idccs = List.of();
            reasons.add("carrying branches unknown (no CODES_IDCC, certifiers' branches not known)");
        }
        return new Classification(fiche.code(), kind, basis, reasons, idccs);
    }

    /**
     * What kind of branch body a certifier's name says it is ("a CPNE", "a commission paritaire"...), or {@code null}
     * when the name shows none.
     */
    public static String branchBody(String certifierName) {
        String folded = fold(certifierName);
        for (BodyPattern body : BRANCH_BODIES) {
            if (body.pattern().matcher(folded).find()) {
                return body.description();
            }
        }
        return null;
    }

    private static String describe(Abrege abrege) {
        if (abrege.code() != null && abrege.label() != null) {
            return abrege.code() + " (" + abrege.label() + ")";
        }
        return abrege.code() != null ? abrege.code() : "'" + abrege.label() + "'";
    }

    /** Lower case, no accents, typographic apostrophes as plain ones. */
    private static String fold(String value) {
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.replace('’', '\'').toLowerCase(Locale.ROOT);
    }

    private record BodyPattern(Pattern pattern, String description) {
    }
}
