package org.cqpsuite.certification.domain;

import static org.cqpsuite.certification.domain.Values.blank;
import static org.cqpsuite.certification.domain.Values.key;
import static org.cqpsuite.certification.domain.Values.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The input rules of certifications and of their frameworks, as pure functions: each returns every
 * {@link Violation} found (empty when valid), so that a client fixes all its mistakes in one round.
 *
 * <p>Call {@code normalise} first, then {@code validate...} on the normalised value, and store the normalised value.
 * The validators are strict on their own (they do not normalise): {@code h1502} is a {@code pattern} violation unless it
 * went through {@link #normalise(CertificationDraft)}, which makes it {@code H1502}.
 *
 * <p>Free texts (CPNE names, activities, block codes, skill labels, evaluation targets) are compared ignoring case and
 * surrounding spaces, for duplicates as for evaluation targets: {@code bc01} names block {@code BC01}.
 */
public final class CertificationRules {

    public static final int TITLE_MAX_LENGTH = 1000;
    public static final int CPNE_NAME_MAX_LENGTH = 500;
    public static final int BLOCK_CODE_MAX_LENGTH = 32;

    /** IDCC of a collective agreement: 4 digits, zero-padded ({@code 0018}). */
    public static final Pattern IDCC = Pattern.compile("\\d{4}");
    /** Nomenclature des spécialités de formation: 3 digits, optionally one lower-case letter ({@code 200}, {@code 200r}). */
    public static final Pattern NSF = Pattern.compile("\\d{3}[a-z]?");
    /** Répertoire opérationnel des métiers et des emplois: one upper-case letter, 4 digits ({@code H1502}). */
    public static final Pattern ROME = Pattern.compile("[A-Z]\\d{4}");

    static final String NSF_HINT = "an NSF code (Nomenclature des spécialités de formation): 3 digits, optionally "
            + "followed by one lower-case letter, e.g. 200r";
    static final String ROME_HINT = "a ROME code (Répertoire opérationnel des métiers et des emplois): one upper-case "
            + "letter and 4 digits, e.g. H1502";
    static final String IDCC_HINT = "the IDCC of the branch's collective agreement: 4 digits, zero-padded, e.g. 0018";
    private static final String CPNE_EXAMPLE = "{\"name\": \"CPNEFP textile\", \"idcc\": \"0018\"}";
    private static final String OTHER_BRANCH_EXAMPLE = "{\"name\": \"CPNEFP habillement\", \"idcc\": \"0247\"}";
    private static final String BLOCK_EXAMPLE = "{\"code\": \"BC01\", \"title\": \"Contrôler la qualité\", "
            + "\"skills\": [{\"label\": \"Mesurer un écart\", \"transversal\": false}]}";
    private static final String BODY = "body";

    private CertificationRules() {
    }

    // ---------------------------------------------------------------------------------------------------- normalise

    /**
     * Strips the spaces around every text, writes NSF codes in lower case and ROME codes in upper case: clients type
     * {@code 200R} or {@code h1502}, and the official forms are {@code 200r} and {@code H1502}. IDCC codes are only
     * stripped, never zero-padded: {@code 18} stays invalid, so that a typo in a code is not silently turned into
     * another branch. {@code null} stays {@code null}.
     */
    public static CertificationDraft normalise(CertificationDraft draft) {
        if (draft == null) {
            return null;
        }
        return new CertificationDraft(draft.kind(), Values.strip(draft.title()),
                map(draft.cpnes(), cpne -> new Cpne(Values.strip(cpne.name()), Values.strip(cpne.idcc()))),
                map(draft.nsfCodes(), code -> code.strip().toLowerCase(Locale.ROOT)),
                map(draft.romeCodes(), CertificationRules::normaliseRome));
    }

    /** As {@link #normalise(CertificationDraft)}: texts stripped, ROME codes upper case, a blank ROME code absent. */
    public static ActivityFramework normalise(ActivityFramework framework) {
        if (framework == null) {
            return null;
        }
        return new ActivityFramework(map(framework.workSituations(), String::strip),
                map(framework.activities(), String::strip),
                map(framework.targetedJobs(), job -> new TargetedJob(Values.strip(job.title()),
                        blank(job.romeCode()) ? null : normaliseRome(job.romeCode()))));
    }

    /** Texts stripped. */
    public static SkillsFramework normalise(SkillsFramework framework) {
        if (framework == null) {
            return null;
        }
        return new SkillsFramework(map(framework.blocks(), block -> new SkillsBlock(Values.strip(block.code()),
                Values.strip(block.title()),
                map(block.skills(), skill -> new Skill(Values.strip(skill.label()), skill.transversal())))));
    }

    /** Texts stripped; a blank description of the tests is absent. */
    public static EvaluationFramework normalise(EvaluationFramework framework) {
        if (framework == null) {
            return null;
        }
        return new EvaluationFramework(map(framework.items(), item -> new EvaluationItem(Values.strip(item.target()),
                map(item.criteria(), String::strip), map(item.methods(), String::strip),
                blank(item.tests()) ? null : item.tests().strip())));
    }

    private static String normaliseRome(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /** Maps the non-null elements, keeps the null ones for the validators to report. */
    private static <T, R> List<R> map(List<T> values, Function<T, R> mapper) {
        List<R> mapped = new ArrayList<>(values.size());
        for (T value : values) {
            mapped.add(value == null ? null : mapper.apply(value));
        }
        return mapped;
    }

    // --------------------------------------------------------------------------------------------------- definition

    /**
     * The rules of a certification's definition (article L6113-4 for CQPs and CQPIs):
     * <ul>
     * <li>{@code kind} required;</li>
     * <li>{@code title} required, non-blank, at most 1 000 characters once stripped (real directory titles reach 554);</li>
     * <li>{@code cpnes}: a CQP needs at least one CPNE, a CQPI CPNEs of at least two <em>distinct</em> branches
     * ({@code min-branches}; two CPNEs with the same IDCC are one branch), OTHER none. The count of distinct branches is
     * checked only when every IDCC is well-formed, so that a typo in one IDCC is not also reported as a missing
     * branch;</li>
     * <li>each CPNE: {@code name} required (at most 500 characters: the 2014 orders name CPNEs with their employers' organisations in up to 286); {@code idcc} required, 4 digits
     * ({@code pattern}), and when well-formed, known to the branch list ({@code unknown-branch}); the same name and
     * IDCC twice is a {@code duplicate};</li>
     * <li>{@code nsfCodes[i]} NSF codes, {@code romeCodes[i]} ROME codes ({@code pattern}), each listed once
     * ({@code duplicate}).</li>
     * </ul>
     *
     * @param knownIdcc whether an IDCC is in the branch list
     */
    public static List<Violation> validateDefinition(CertificationDraft draft, Predicate<String> knownIdcc) {
        Objects.requireNonNull(knownIdcc, "knownIdcc");
        if (draft == null) {
            return List.of(required(BODY, "is required: a certification, e.g. {\"kind\": \"CQP\", \"title\": "
                    + "\"Opérateur qualité\", \"cpnes\": [" + CPNE_EXAMPLE + "]}"));
        }
        List<Violation> violations = new ArrayList<>();
        if (draft.kind() == null) {
            violations.add(required("kind", "is required: one of CQP, CQPI, OTHER"));
        }
        requiredText(draft.title(), "title", TITLE_MAX_LENGTH, "\"Opérateur qualité\"", violations);
        validateCpnes(draft.kind(), draft.cpnes(), knownIdcc, violations);
        validateCodes("nsfCodes", draft.nsfCodes(), NSF, NSF_HINT, violations);
        validateCodes("romeCodes", draft.romeCodes(), ROME, ROME_HINT, violations);
        return List.copyOf(violations);
    }

    private static void validateCpnes(CertificationKind kind, List<Cpne> cpnes, Predicate<String> knownIdcc,
            List<Violation> violations) {
        boolean everyIdccWellFormed = true;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < cpnes.size(); i++) {
            String at = "cpnes[" + i + "]";
            Cpne cpne = cpnes.get(i);
            if (cpne == null) {
                violations.add(required(at, "is required: a CPNE, e.g. " + CPNE_EXAMPLE));
                everyIdccWellFormed = false;
                continue;
            }
            requiredText(cpne.name(), at + ".name", CPNE_NAME_MAX_LENGTH, "\"CPNEFP textile\"", violations);
            String idcc = cpne.idcc();
            if (blank(idcc)) {
                violations.add(required(at + ".idcc", "is required: " + IDCC_HINT));
                everyIdccWellFormed = false;
            } else if (!IDCC.matcher(idcc).matches()) {
                violations.add(new Violation(at + ".idcc", Violation.PATTERN,
                        "must be " + IDCC_HINT + " (found " + quote(idcc) + ")"));
                everyIdccWellFormed = false;
            } else if (!knownIdcc.test(idcc)) {
                violations.add(new Violation(at + ".idcc", Violation.UNKNOWN_BRANCH, "IDCC " + idcc
                        + " is not in the branch list: give the IDCC of an existing collective agreement, e.g. 0018"));
            }
            if (!blank(cpne.name()) && !blank(idcc)) {
                Integer first = seen.putIfAbsent(key(cpne.name()) + '\n' + idcc.strip(), i);
                if (first != null) {
                    violations.add(new Violation(at, Violation.DUPLICATE,
                            "repeats cpnes[" + first + "] (same name and IDCC): list each CPNE once"));
                }
            }
        }
        if (kind == null || kind.minimumBranches() == 0) {
            return;
        }
        int minimum = kind.minimumBranches();
        String rule = minimum == 1
                ? "a " + kind + " is created by the CPNE of at least one branch (article L6113-4)"
                : "a " + kind + " is created by CPNEs of at least " + minimum
                        + " distinct branches (article L6113-4: one branch alone cannot create a " + kind + ")";
        String example = minimum == 1 ? CPNE_EXAMPLE : OTHER_BRANCH_EXAMPLE;
        if (cpnes.isEmpty()) {
            violations.add(new Violation("cpnes", Violation.MIN_BRANCHES, rule + ", but no CPNE is given: add "
                    + (minimum == 1 ? "one, e.g. " + CPNE_EXAMPLE
                            : "them, e.g. [" + CPNE_EXAMPLE + ", " + OTHER_BRANCH_EXAMPLE + "]")));
        } else if (cpnes.size() < minimum) {
            violations.add(new Violation("cpnes", Violation.MIN_BRANCHES, rule + ", but " + cpnes.size()
                    + " CPNE" + (cpnes.size() == 1 ? " is" : "s are") + " given: add the CPNE of another branch, e.g. "
                    + example));
        } else if (everyIdccWellFormed) {
            List<String> branches = carryingBranches(cpnes);
            if (branches.size() < minimum) {
                violations.add(new Violation("cpnes", Violation.MIN_BRANCHES, rule + ", but the " + cpnes.size()
                        + " CPNEs given belong to " + branches.size() + " branch (IDCC " + String.join(", ", branches)
                        + "): CPNEs with the same IDCC are the same branch and count once; add the CPNE of another "
                        + "branch, e.g. " + example));
            }
        }
    }

    private static void validateCodes(String field, List<String> codes, Pattern pattern, String hint,
            List<Violation> violations) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            String at = field + "[" + i + "]";
            String code = codes.get(i);
            if (blank(code)) {
                violations.add(required(at, "is required: " + hint));
            } else if (!pattern.matcher(code).matches()) {
                violations.add(new Violation(at, Violation.PATTERN, "must be " + hint + " (found " + quote(code) + ")"));
            } else {
                Integer first = seen.putIfAbsent(code, i);
                if (first != null) {
                    violations.add(new Violation(at, Violation.DUPLICATE,
                            "repeats " + field + "[" + first + "] (" + quote(code) + "): list each code once"));
                }
            }
        }
    }

    /** The branches carrying a certification: the distinct IDCCs of its CPNEs, sorted; blank ones ignored. */
    public static List<String> carryingBranches(List<Cpne> cpnes) {
        if (cpnes == null) {
            return List.of();
        }
        Set<String> idccs = new TreeSet<>();
        for (Cpne cpne : cpnes) {
            if (cpne != null && !blank(cpne.idcc())) {
                idccs.add(cpne.idcc().strip());
            }
        }
        return List.copyOf(idccs);
    }

    // --------------------------------------------------------------------------------------------------- frameworks

    /**
     * The activity framework (référentiel d'activités): at least one activity; work situations and targeted jobs are
     * optional (the directory often lacks them), but every element given must be non-blank and listed once; a targeted
     * job needs a title, and its ROME code, optional, must be well-formed when given.
     */
    public static List<Violation> validateActivities(ActivityFramework framework) {
        if (framework == null) {
            return List.of(required(BODY, "is required: an activity framework, e.g. {\"activities\": "
                    + "[\"Contrôler la conformité des produits\"]}"));
        }
        List<Violation> violations = new ArrayList<>();
        validateTexts("workSituations", framework.workSituations(), null, violations);
        validateTexts("activities", framework.activities(), "activity, e.g. \"Contrôler la conformité des produits\"",
                violations);
        Map<String, Integer> seen = new HashMap<>();
        List<TargetedJob> jobs = framework.targetedJobs();
        for (int i = 0; i < jobs.size(); i++) {
            String at = "targetedJobs[" + i + "]";
            TargetedJob job = jobs.get(i);
            if (job == null) {
                violations.add(required(at, "is required: a job, e.g. {\"title\": \"Contrôleur qualité\", "
                        + "\"romeCode\": \"H1502\"}"));
                continue;
            }
            requiredText(job.title(), at + ".title", Integer.MAX_VALUE, "\"Contrôleur qualité\"", violations);
            boolean hasCode = !blank(job.romeCode());
            if (hasCode && !ROME.matcher(job.romeCode()).matches()) {
                violations.add(new Violation(at + ".romeCode", Violation.PATTERN,
                        "must be " + ROME_HINT + ", or absent (found " + quote(job.romeCode()) + ")"));
            }
            if (!blank(job.title())) {
                Integer first = seen.putIfAbsent(key(job.title()) + '\n' + (hasCode ? job.romeCode().strip() : ""), i);
                if (first != null) {
                    violations.add(new Violation(at, Violation.DUPLICATE,
                            "repeats targetedJobs[" + first + "] (same title and ROME code): list each job once"));
                }
            }
        }
        return List.copyOf(violations);
    }

    /**
     * The skills framework (référentiel de compétences): at least one block; each block with a code (free text, at most
     * 32 characters, unique in the framework), a title and at least one skill; each skill with a label, listed once in
     * its block (the same label may appear in two blocks).
     */
    public static List<Violation> validateSkills(SkillsFramework framework) {
        if (framework == null) {
            return List.of(required(BODY, "is required: a skills framework, e.g. {\"blocks\": [" + BLOCK_EXAMPLE + "]}"));
        }
        List<Violation> violations = new ArrayList<>();
        List<SkillsBlock> blocks = framework.blocks();
        if (blocks.isEmpty()) {
            violations.add(required("blocks", "is required: at least one skills block (bloc de compétences) with at "
                    + "least one skill, e.g. " + BLOCK_EXAMPLE));
        }
        Map<String, Integer> codes = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            String at = "blocks[" + i + "]";
            SkillsBlock block = blocks.get(i);
            if (block == null) {
                violations.add(required(at, "is required: a skills block, e.g. " + BLOCK_EXAMPLE));
                continue;
            }
            if (requiredText(block.code(), at + ".code", BLOCK_CODE_MAX_LENGTH, "\"BC01\" or \"RNCP34486BC01\"",
                    violations)) {
                Integer first = codes.putIfAbsent(key(block.code()), i);
                if (first != null) {
                    violations.add(new Violation(at + ".code", Violation.DUPLICATE, "repeats the code of blocks["
                            + first + "] (" + quote(block.code()) + "): block codes are unique, e.g. BC01, BC02"));
                }
            }
            requiredText(block.title(), at + ".title", Integer.MAX_VALUE, "\"Contrôler la qualité\"", violations);
            List<Skill> skills = block.skills();
            if (skills.isEmpty()) {
                violations.add(required(at + ".skills", "is required: at least one skill, e.g. "
                        + "[{\"label\": \"Mesurer un écart\", \"transversal\": false}]"));
            }
            Map<String, Integer> labels = new HashMap<>();
            for (int j = 0; j < skills.size(); j++) {
                String skillAt = at + ".skills[" + j + "]";
                Skill skill = skills.get(j);
                if (skill == null) {
                    violations.add(required(skillAt, "is required: a skill, e.g. {\"label\": \"Mesurer un écart\", "
                            + "\"transversal\": false}"));
                } else if (requiredText(skill.label(), skillAt + ".label", Integer.MAX_VALUE, "\"Mesurer un écart\"",
                        violations)) {
                    Integer first = labels.putIfAbsent(key(skill.label()), j);
                    if (first != null) {
                        violations.add(new Violation(skillAt + ".label", Violation.DUPLICATE, "repeats " + at
                                + ".skills[" + first + "].label: list each skill of a block once"));
                    }
                }
            }
        }
        return List.copyOf(violations);
    }

    /**
     * The evaluation framework (référentiel d'évaluation): at least one item; each item names its target, has at least
     * one criterion and one method (the description of the tests is optional), and each target is assessed by one item.
     * When the certification has a skills framework, the target must be one of its block codes or skill labels
     * ({@code unknown-target}); without one, any non-blank target is accepted, since frameworks may be written in any
     * order.
     *
     * @param currentSkills the current version of the certification's skills framework, or {@code null}
     */
    public static List<Violation> validateEvaluation(EvaluationFramework framework, SkillsFramework currentSkills) {
        if (framework == null) {
            return List.of(required(BODY, "is required: an evaluation framework, e.g. {\"items\": [{\"target\": "
                    + "\"BC01\", \"criteria\": [\"...\"], \"methods\": [\"...\"], \"tests\": \"...\"}]}"));
        }
        List<Violation> violations = new ArrayList<>();
        List<EvaluationItem> items = framework.items();
        if (items.isEmpty()) {
            violations.add(required("items", "is required: at least one evaluation item, e.g. [{\"target\": \"BC01\", "
                    + "\"criteria\": [\"...\"], \"methods\": [\"...\"]}]"));
        }
        Set<String> targets = currentSkills == null ? null : targetsOf(currentSkills);
        String targetExample = currentSkills == null ? "BC01" : exampleTarget(currentSkills);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            EvaluationItem item = items.get(i);
            if (item == null) {
                violations.add(required(at, "is required: an evaluation item, e.g. {\"target\": \"" + targetExample
                        + "\", \"criteria\": [\"...\"], \"methods\": [\"...\"]}"));
                continue;
            }
            String target = item.target();
            if (blank(target)) {
                violations.add(required(at + ".target",
                        "is required: a block code or a skill label of the skills framework, e.g. " + targetExample));
            } else if (targets != null && !targets.contains(key(target))) {
                violations.add(new Violation(at + ".target", Violation.UNKNOWN_TARGET, "must name a block code or a "
                        + "skill label of the current skills framework, e.g. " + targetExample + " (found "
                        + quote(target) + ")"));
            } else {
                Integer first = seen.putIfAbsent(key(target), i);
                if (first != null) {
                    violations.add(new Violation(at + ".target", Violation.DUPLICATE, "repeats the target of items["
                            + first + "]: give each skill or block one item, with all its criteria and methods"));
                }
            }
            validateTexts(at + ".criteria", item.criteria(), "criterion, e.g. \"Les écarts sont identifiés\"",
                    violations);
            validateTexts(at + ".methods", item.methods(), "method, e.g. \"Mise en situation professionnelle\"",
                    violations);
        }
        return List.copyOf(violations);
    }

    private static Set<String> targetsOf(SkillsFramework skills) {
        Set<String> targets = new HashSet<>();
        for (SkillsBlock block : skills.blocks()) {
            if (block == null) {
                continue;
            }
            if (!blank(block.code())) {
                targets.add(key(block.code()));
            }
            for (Skill skill : block.skills()) {
                if (skill != null && !blank(skill.label())) {
                    targets.add(key(skill.label()));
                }
            }
        }
        return targets;
    }

    private static String exampleTarget(SkillsFramework skills) {
        return skills.blocks().stream().filter(block -> block != null && !blank(block.code()))
                .map(block -> block.code().strip()).findFirst().orElse("BC01");
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /**
     * Non-blank elements, each listed once.
     *
     * @param atLeastOne when not {@code null}, the list may not be empty, and this names what one element is
     */
    private static void validateTexts(String field, List<String> texts, String atLeastOne, List<Violation> violations) {
        if (atLeastOne != null && texts.isEmpty()) {
            violations.add(required(field, "is required: at least one " + atLeastOne));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String at = field + "[" + i + "]";
            String text = texts.get(i);
            if (blank(text)) {
                violations.add(required(at, "must be a non-blank text"));
            } else {
                Integer first = seen.putIfAbsent(key(text), i);
                if (first != null) {
                    violations.add(new Violation(at, Violation.DUPLICATE,
                            "repeats " + field + "[" + first + "]: list each one once"));
                }
            }
        }
    }

    /** Adds a violation if the text is blank or too long; {@code true} when it is fine. */
    private static boolean requiredText(String text, String field, int maxLength, String example,
            List<Violation> violations) {
        if (blank(text)) {
            violations.add(required(field, "is required: a non-blank text, e.g. " + example));
            return false;
        }
        int length = Values.length(text);
        if (length > maxLength) {
            violations.add(new Violation(field, Violation.MAX_LENGTH,
                    "must be at most " + maxLength + " characters (found " + length + ")"));
            return false;
        }
        return true;
    }

    private static Violation required(String field, String message) {
        return new Violation(field, Violation.REQUIRED, message);
    }
}
