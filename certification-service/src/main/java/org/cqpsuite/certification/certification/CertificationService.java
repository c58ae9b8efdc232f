package org.cqpsuite.certification.certification;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cqpsuite.certification.api.DomainProblems;
import org.cqpsuite.certification.api.PageOf;
import org.cqpsuite.certification.branch.Branch;
import org.cqpsuite.certification.domain.CertificationDraft;
import org.cqpsuite.certification.domain.CertificationKind;
import org.cqpsuite.certification.domain.CertificationLifecycle;
import org.cqpsuite.certification.domain.CertificationRules;
import org.cqpsuite.certification.domain.CertificationStatus;
import org.cqpsuite.certification.domain.Cpne;
import org.cqpsuite.certification.domain.FrameworkKind;
import org.cqpsuite.certification.domain.Source;
import org.cqpsuite.certification.domain.Violation;
import org.cqpsuite.certification.framework.FrameworkVersionEntity;
import org.cqpsuite.certification.security.Caller;
import org.cqpsuite.events.certification.CertificationEventType;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;

/** Creates, changes, publishes and retires certifications; every change commits with its event. */
@ApplicationScoped
public class CertificationService {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final CertificationEventPublisher events;
    private final Clock clock;

    CertificationService(CertificationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CertificationView create(CertificationRequest request, Caller caller) {
        CertificationDraft draft = validated(request);
        caller.requireScope(branches(draft));
        Certification certification = new Certification();
        certification.id = UUID.randomUUID();
        CertificationMapper.apply(draft, certification);
        certification.status = CertificationStatus.DRAFT;
        certification.source = Source.API;
        Instant now = clock.instant();
        certification.createdAt = now;
        certification.updatedAt = now;
        certification.createdOn = LocalDate.ofInstant(now, PARIS);
        events.changed(certification, CertificationEventType.CREATED);
        return view(certification);
    }

    /**
     * Replaces the definition. {@code expectedVersion} is the client's If-Match: a stale one is 412, so that no one
     * overwrites a change they have not seen.
     */
    @Transactional
    public CertificationView update(UUID id, long expectedVersion, CertificationRequest request, Caller caller) {
        Certification certification = locked(id);
        caller.requireScope(branchesOf(certification));
        requireVersion(certification, expectedVersion);
        CertificationLifecycle.checkUpdate(certification.status, certification.kind, request.kind());
        CertificationDraft draft = validated(request);
        caller.requireScope(branches(draft));
        CertificationMapper.apply(draft, certification);
        certification.updatedAt = clock.instant();
        events.changed(certification, CertificationEventType.UPDATED);
        return view(certification);
    }

    @Transactional
    public CertificationView publish(UUID id, Caller caller) {
        Certification certification = locked(id);
        caller.requireScope(branchesOf(certification));
        Set<FrameworkKind> present = FrameworkVersionEntity.latestOf(id).keySet();
        certification.status = CertificationLifecycle.publish(certification.status, present, certification.kind,
                certification.source);
        certification.updatedAt = clock.instant();
        events.changed(certification, CertificationEventType.PUBLISHED);
        return view(certification);
    }

    @Transactional
    public CertificationView retire(UUID id, Caller caller) {
        Certification certification = locked(id);
        caller.requireScope(branchesOf(certification));
        certification.status = CertificationLifecycle.retire(certification.status);
        certification.updatedAt = clock.instant();
        events.changed(certification, CertificationEventType.RETIRED);
        return view(certification);
    }

    @Transactional
    public CertificationView get(UUID id) {
        return view(existing(id));
    }

    /**
     * The certifications among {@code ids} that exist, whatever their status, in the order asked (an id asked twice is
     * answered once); three queries whatever their number (certifications with their CPNEs, latest framework
     * versions).
     */
    @Transactional
    public List<CertificationView> getAll(Collection<UUID> ids) {
        List<UUID> asked = List.copyOf(new java.util.LinkedHashSet<>(ids));
        Map<UUID, Certification> found = new java.util.HashMap<>();
        Certification.getEntityManager()
                .createQuery("select distinct c from Certification c left join fetch c.cpnes where c.id in :ids",
                        Certification.class)
                .setParameter("ids", asked).getResultList().forEach(c -> found.put(c.id, c));
        Map<UUID, Map<FrameworkKind, FrameworkVersionEntity>> latest = FrameworkVersionEntity.latestOf(found.keySet());
        return asked.stream().filter(found::containsKey)
                .map(id -> CertificationMapper.toView(found.get(id), latest.getOrDefault(id, Map.of()))).toList();
    }

    @Transactional
    public PageOf<CertificationView> list(CertificationKind kind, String idcc, CertificationStatus status, String q,
            String directoryCode, String externalReference, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (directoryCode != null && !directoryCode.isBlank()) {
            conditions.add("directoryCode = :directoryCode");
            parameters.and("directoryCode", directoryCode.strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (externalReference != null && !externalReference.isBlank()) {
            conditions.add("externalReference = :externalReference");
            parameters.and("externalReference", externalReference.strip());
        }
        if (kind != null) {
            conditions.add("kind = :kind");
            parameters.and("kind", kind);
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        if (idcc != null) {
            conditions.add("id in (select c.id from Certification c join c.cpnes p where p.idcc = :idcc)");
            parameters.and("idcc", idcc);
        }
        if (q != null && !q.isBlank()) {
            conditions.add("lower(title) like :title");
            parameters.and("title", "%" + q.trim().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        PanacheQuery<Certification> query = conditions.isEmpty()
                ? Certification.findAll(Sort.by("createdAt").and("id"))
                : Certification.find(String.join(" and ", conditions), Sort.by("createdAt").and("id"), parameters);
        List<Certification> certifications = query.page(Page.of(page, size)).list();
        Map<UUID, Map<FrameworkKind, FrameworkVersionEntity>> latest = FrameworkVersionEntity.latestOf(
                certifications.stream().map(c -> c.id).toList());
        return new PageOf<>(certifications.stream()
                .map(c -> CertificationMapper.toView(c, latest.getOrDefault(c.id, Map.of()))).toList(),
                page, size, query.count());
    }

    /** The certification, or 404. */
    public static Certification existing(UUID id) {
        Certification certification = Certification.findById(id);
        if (certification == null) {
            throw ProblemException.notFound("No certification has the id " + id + ".");
        }
        return certification;
    }

    /**
     * The certification, its row locked until the transaction ends, or 404. Concurrent changes of one certification
     * then run one after the other: each sees the one before, so a stale If-Match is always a 412 (never a lost
     * update, nor a generic conflict at commit) and a second publication is told the certification is published.
     */
    static Certification locked(UUID id) {
        Certification certification = Certification.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (certification == null) {
            throw ProblemException.notFound("No certification has the id " + id + ".");
        }
        return certification;
    }

    public static Set<String> branchesOf(Certification certification) {
        return certification.cpnes.stream().map(cpne -> cpne.idcc).collect(Collectors.toSet());
    }

    static void requireVersion(Certification certification, long expected) {
        if (certification.version != expected) {
            throw new ProblemException(Problem.of(412, "stale-version", "Precondition failed",
                    "The certification changed since you read it: you sent If-Match \"" + expected
                            + "\" but its version is \"" + certification.version
                            + "\". Read it again (GET returns the current ETag), then retry."));
        }
    }

    static CertificationView view(Certification certification) {
        return CertificationMapper.toView(certification, FrameworkVersionEntity.latestOf(certification.id));
    }

    private static CertificationDraft validated(CertificationRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", Violation.REQUIRED, "a JSON object is required");
        }
        CertificationDraft draft = CertificationRules.normalise(CertificationMapper.toDraft(request));
        Set<String> known = knownBranches(draft);
        List<Violation> violations = CertificationRules.validateDefinition(draft, known::contains);
        if (!violations.isEmpty()) {
            throw DomainProblems.invalid(violations);
        }
        return draft;
    }

    private static Set<String> knownBranches(CertificationDraft draft) {
        Set<String> candidates = new HashSet<>();
        for (Cpne cpne : draft.cpnes()) {
            if (cpne != null && cpne.idcc() != null && cpne.idcc().matches("\\d{4}")) {
                candidates.add(cpne.idcc());
            }
        }
        if (candidates.isEmpty()) {
            return Set.of();
        }
        return Branch.<Branch>list("idcc in ?1", candidates).stream().map(b -> b.idcc).collect(Collectors.toSet());
    }

    private static Set<String> branches(CertificationDraft draft) {
        return draft.cpnes().stream().map(Cpne::idcc).collect(Collectors.toSet());
    }
}
