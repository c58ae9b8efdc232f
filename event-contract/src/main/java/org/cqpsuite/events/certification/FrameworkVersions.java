package org.cqpsuite.events.certification;

/**
 * The latest version (highest number) of each of the three frameworks of a certification (article L6113-1 of the Code
 * du travail). Each is {@code null} while the framework has no version; in JSON the three properties are always
 * present, {@code null} then.
 *
 * <p>"Latest" is not "in effect": a version may take effect in the future. A consumer that needs the version in effect
 * on a date keeps the versions it has seen (every addition is a
 * {@link CertificationEventType#FRAMEWORK_VERSION_ADDED} event) and takes the latest one whose effective date is on or
 * before that date.
 *
 * @param activities référentiel d'activités
 * @param skills référentiel de compétences
 * @param evaluation référentiel d'évaluation
 */
public record FrameworkVersions(FrameworkVersionRef activities, FrameworkVersionRef skills,
        FrameworkVersionRef evaluation) {
}
