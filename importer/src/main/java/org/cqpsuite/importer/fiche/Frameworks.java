package org.cqpsuite.importer.fiche;

/**
 * The fiche-level texts of the three frameworks (XML V4.1 only: the CSV export does not carry them). The block-level
 * parts are on each {@link SkillsBlock}, so that:
 * <ul>
 *   <li>activity framework = {@link #activities()} ({@code ACTIVITES_VISEES}) and {@link #targetedJobs()}
 *       ({@code TYPE_EMPLOI_ACCESSIBLES});</li>
 *   <li>skills framework = {@link #attestedSkills()} ({@code CAPACITES_ATTESTEES}) and every block's
 *       {@link SkillsBlock#skills()} ({@code LISTE_COMPETENCES});</li>
 *   <li>evaluation framework = every block's {@link SkillsBlock#evaluation()} ({@code MODALITES_EVALUATION}).</li>
 * </ul>
 * Texts are kept as the directory gives them (trimmed, inner spacing untouched: the export has already flattened the
 * original line breaks into runs of spaces, and re-guessing them would invent structure). Each is {@code null} when
 * absent.
 */
public record Frameworks(String activities, String targetedJobs, String attestedSkills) {

    /** No framework text at all: every CSV fiche, and XML fiches that give none. */
    public static final Frameworks NONE = new Frameworks(null, null, null);

    /** Whether no fiche-level framework text is present. */
    public boolean isEmpty() {
        return activities == null && targetedJobs == null && attestedSkills == null;
    }
}
