package org.cqpsuite.certification.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cqpsuite.certification.certification.Certification;
import org.cqpsuite.certification.certification.CertificationEventPublisher;
import org.cqpsuite.certification.certification.CertificationService;
import org.cqpsuite.certification.domain.ActivityFramework;
import org.cqpsuite.certification.domain.CertificationLifecycle;
import org.cqpsuite.certification.domain.CertificationRules;
import org.cqpsuite.certification.domain.EvaluationFramework;
import org.cqpsuite.certification.domain.FrameworkKind;
import org.cqpsuite.certification.domain.FrameworkVersion;
import org.cqpsuite.certification.domain.FrameworkVersions;
import org.cqpsuite.certification.domain.SkillsFramework;
import org.cqpsuite.certification.domain.Violation;
import org.cqpsuite.certification.security.Caller;
import org.cqpsuite.events.certification.CertificationEventType;
import org.cqpsuite.certification.api.DomainProblems;
import org.cqpsuite.problem.Dates;
import org.cqpsuite.problem.JsonProblems;
import org.cqpsuite.problem.ProblemException;

/**
 * Versions of the three frameworks (référentiels d'activités, de compétences et d'évaluation): every change is a new
 * immutable version; earlier ones stay readable.
 */
@ApplicationScoped
public class FrameworkService {

    private final ObjectMapper json;
    private final CertificationEventPublisher events;
    private final FrameworkVersions versions;
    private final Clock clock;

    FrameworkService(ObjectMapper json, CertificationEventPublisher events, Clock clock) {
        this.json = json;
        this.events = events;
        this.clock = clock;
        this.versions = new FrameworkVersions(clock);
    }

    /** Adds the next version of a framework; the body is its content plus an optional {@code effectiveDate}. */
    @Transactional
    public FrameworkVersionView addVersion(UUID certificationId, FrameworkKind kind, JsonNode body, Caller caller) {
        Certification certification = CertificationService.existing(certificationId);
        caller.requireScope(CertificationService.branchesOf(certification));
        CertificationLifecycle.checkFrameworkVersion(certification.status);
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("body", Violation.REQUIRED, "a JSON object is required");
        }
        ObjectNode content = ((ObjectNode) body).deepCopy();
        LocalDate effectiveDate = effectiveDate(content.remove("effectiveDate"));
        JsonNode normalised = validated(certificationId, kind, content);
        return FrameworkVersionView.of(appendVersion(certification, kind, normalised, effectiveDate, caller.name()));
    }

    /**
     * Adds the next version of a framework whose content is already normalised and validated, and publishes its
     * event, in the caller's transaction. The effective date may not precede the latest version's (400 naming
     * {@code effectiveDate}, rule {@code effective-date-order}).
     *
     * @param effectiveDate {@code null} for today in Europe/Paris
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FrameworkVersionEntity appendVersion(Certification certification, FrameworkKind kind, JsonNode content,
            LocalDate effectiveDate, String author) {
        List<FrameworkVersion> existing = new ArrayList<>();
        for (FrameworkVersionEntity version : FrameworkVersionEntity.<FrameworkVersionEntity>list(
                "key.certificationId = ?1 and key.kind = ?2", certification.id, kind)) {
            existing.add(new FrameworkVersion(kind, version.key.number, version.effectiveDate, version.author));
        }
        List<Violation> violations = versions.validateNext(kind, existing, effectiveDate);
        if (!violations.isEmpty()) {
            throw DomainProblems.invalid(violations);
        }
        FrameworkVersion next = versions.next(kind, existing, effectiveDate, author);

        FrameworkVersionEntity entity = new FrameworkVersionEntity();
        entity.key = new FrameworkVersionEntity.Key(certification.id, kind, next.number());
        entity.effectiveDate = next.effectiveDate();
        entity.author = next.author();
        entity.recordedAt = clock.instant();
        entity.content = content;
        entity.persist();
        certification.updatedAt = entity.recordedAt;
        events.changed(certification, CertificationEventType.FRAMEWORK_VERSION_ADDED);
        return entity;
    }

    /**
     * Version 1 of a framework of a certification being created (nothing to read: it has no version yet), taking
     * effect today, not persisted yet and without its event: for a creation written in one go, which persists it and
     * publishes its event itself ({@link CertificationEventPublisher#changedInMemory}).
     */
    public FrameworkVersionEntity firstVersion(Certification certification, FrameworkKind kind, JsonNode content,
            String author) {
        FrameworkVersion first = versions.next(kind, List.of(), null, author);
        FrameworkVersionEntity entity = new FrameworkVersionEntity();
        entity.key = new FrameworkVersionEntity.Key(certification.id, kind, first.number());
        entity.effectiveDate = first.effectiveDate();
        entity.author = first.author();
        entity.recordedAt = clock.instant();
        entity.content = content;
        return entity;
    }

    /** The latest version, or the one in effect on {@code asOf} when given. */
    @Transactional
    public FrameworkVersionView current(UUID certificationId, FrameworkKind kind, LocalDate asOf) {
        CertificationService.existing(certificationId);
        List<FrameworkVersionEntity> all = FrameworkVersionEntity.list(
                "key.certificationId = ?1 and key.kind = ?2 order by key.number desc", certificationId, kind);
        return all.stream()
                .filter(version -> asOf == null || !version.effectiveDate.isAfter(asOf))
                .findFirst().map(FrameworkVersionView::of)
                .orElseThrow(() -> ProblemException.notFound("The certification has no " + kind.pathSegment()
                        + " framework" + (asOf == null ? "" : " in effect on " + asOf) + " yet."));
    }

    @Transactional
    public List<FrameworkVersionView> versions(UUID certificationId, FrameworkKind kind) {
        CertificationService.existing(certificationId);
        return FrameworkVersionEntity.<FrameworkVersionEntity>list(
                "key.certificationId = ?1 and key.kind = ?2 order by key.number", certificationId, kind)
                .stream().map(FrameworkVersionView::of).toList();
    }

    @Transactional
    public FrameworkVersionView version(UUID certificationId, FrameworkKind kind, int number) {
        CertificationService.existing(certificationId);
        FrameworkVersionEntity version = FrameworkVersionEntity.findById(
                new FrameworkVersionEntity.Key(certificationId, kind, number));
        if (version == null) {
            throw ProblemException.notFound("The " + kind.pathSegment() + " framework of this certification has no "
                    + "version " + number + ".");
        }
        return FrameworkVersionView.of(version);
    }

    private JsonNode validated(UUID certificationId, FrameworkKind kind, ObjectNode content) {
        try {
            return switch (kind) {
                case ACTIVITIES -> {
                    ActivityFramework framework = CertificationRules.normalise(
                            json.treeToValue(content, ActivityFramework.class));
                    check(CertificationRules.validateActivities(framework));
                    yield json.valueToTree(framework);
                }
                case SKILLS -> {
                    SkillsFramework framework = CertificationRules.normalise(
                            json.treeToValue(content, SkillsFramework.class));
                    check(CertificationRules.validateSkills(framework));
                    yield json.valueToTree(framework);
                }
                case EVALUATION -> {
                    EvaluationFramework framework = CertificationRules.normalise(
                            json.treeToValue(content, EvaluationFramework.class));
                    check(CertificationRules.validateEvaluation(framework, currentSkills(certificationId)));
                    yield json.valueToTree(framework);
                }
            };
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        }
    }

    private SkillsFramework currentSkills(UUID certificationId) throws JsonProcessingException {
        Map<FrameworkKind, FrameworkVersionEntity> latest = FrameworkVersionEntity.latestOf(certificationId);
        FrameworkVersionEntity skills = latest.get(FrameworkKind.SKILLS);
        return skills == null ? null : json.treeToValue(skills.content, SkillsFramework.class);
    }

    private static LocalDate effectiveDate(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        LocalDate date = value.isTextual() ? Dates.parse(value.asText()) : null;
        if (date == null) {
            throw ProblemException.invalid("effectiveDate", "type", "must be a date YYYY-MM-DD, e.g. 2026-01-01");
        }
        return date;
    }

    private static void check(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw DomainProblems.invalid(violations);
        }
    }
}
