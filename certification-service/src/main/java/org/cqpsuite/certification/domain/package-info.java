/**
 * The domain model and rules of certification-service, in plain Java (no framework types) so that they can be tested
 * alone and reused by the resources, the persistence layer and the directory importer.
 *
 * <ul>
 * <li>Value types: {@link org.cqpsuite.certification.domain.CertificationDraft} (the definition of a CQP, CQPI or
 * other directory certification) and the three frameworks of article L6113-1 of the Code du travail:
 * {@link org.cqpsuite.certification.domain.ActivityFramework} (référentiel d'activités),
 * {@link org.cqpsuite.certification.domain.SkillsFramework} (référentiel de compétences) and
 * {@link org.cqpsuite.certification.domain.EvaluationFramework} (référentiel d'évaluation).</li>
 * <li>{@link org.cqpsuite.certification.domain.CertificationRules}: input rules, as
 * {@link org.cqpsuite.certification.domain.Violation}s (400 answers).</li>
 * <li>{@link org.cqpsuite.certification.domain.CertificationLifecycle}: status transitions and the edits each status
 * allows, refused with a {@link org.cqpsuite.certification.domain.LifecycleException} (409 answers).</li>
 * <li>{@link org.cqpsuite.certification.domain.FrameworkVersions}: numbering and effective dates of framework
 * versions.</li>
 * </ul>
 */
package org.cqpsuite.certification.domain;
