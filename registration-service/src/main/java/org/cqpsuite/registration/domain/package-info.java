/**
 * The domain model and rules of registration-service, in plain Java (only the JDK) so that they can be tested alone and
 * reused by the resources, the persistence layer and the expiry job.
 *
 * <ul>
 * <li>Bodies: {@link org.cqpsuite.registration.domain.Transmission} (transmission à France compétences, article L6113-4
 * du Code du travail: from its date the CQP exists legally), {@link org.cqpsuite.registration.domain.RegistrationRequest}
 * (demande d'enregistrement), {@link org.cqpsuite.registration.domain.Decision} (registration after the commission's
 * assent, avis conforme, or refusal), {@link org.cqpsuite.registration.domain.Withdrawal} (retrait).</li>
 * <li>State: {@link org.cqpsuite.registration.domain.Registration}, immutable and id-free, one per history entry, in
 * the {@link org.cqpsuite.registration.domain.Directory#RNCP} (article L6113-5) or the
 * {@link org.cqpsuite.registration.domain.Directory#RS} (article L6113-6).</li>
 * <li>{@link org.cqpsuite.registration.domain.RegistrationRules}: input rules, as
 * {@link org.cqpsuite.registration.domain.Violation}s (400 answers).</li>
 * <li>{@link org.cqpsuite.registration.domain.RegistrationLifecycle}: the state machine, refusals as
 * {@link org.cqpsuite.registration.domain.TransitionException}s (409 answers), and
 * {@link org.cqpsuite.registration.domain.RegistrationLifecycle#registrationInForce}.</li>
 * <li>The directory import: {@link org.cqpsuite.registration.domain.DirectoryFiche} (an item of a directory export),
 * {@link org.cqpsuite.registration.domain.DirectoryImportRules} (its rules, the status a fiche gives and how it meets
 * the entry already recorded), {@link org.cqpsuite.registration.domain.ImportedRegistration},
 * {@link org.cqpsuite.registration.domain.CertificationKind} (CQP and CQPI are transmitted, OTHER never).</li>
 * </ul>
 */
package org.cqpsuite.registration.domain;
