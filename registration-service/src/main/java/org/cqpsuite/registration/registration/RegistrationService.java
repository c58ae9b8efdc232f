package org.cqpsuite.registration.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.cqpsuite.events.registration.RegistrationEventType;
import org.cqpsuite.problem.ProblemException;
import org.cqpsuite.registration.api.DomainProblems;
import org.cqpsuite.registration.domain.Decision;
import org.cqpsuite.registration.domain.Outcome;
import org.cqpsuite.registration.domain.Registration;
import org.cqpsuite.registration.domain.RegistrationAction;
import org.cqpsuite.registration.domain.RegistrationLifecycle;
import org.cqpsuite.registration.domain.RegistrationRequest;
import org.cqpsuite.registration.domain.RegistrationRules;
import org.cqpsuite.registration.domain.RegistrationStatus;
import org.cqpsuite.registration.domain.Renewal;
import org.cqpsuite.registration.domain.Violation;
import org.cqpsuite.registration.domain.Withdrawal;
import org.cqpsuite.registration.transmission.Transmission;

/**
 * Transmission and registration lifecycle: each write locks its certification's row, applies the domain's rules and
 * state machine, appends to the history and writes the event to the outbox, in one transaction.
 */
@ApplicationScoped
public class RegistrationService {

    private final RegistrationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    RegistrationService(RegistrationEventPublisher events, ObjectMapper json, Clock clock) {
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Records a transmission to France compétences, or a correction of it (a new history entry). */
    @Transactional
    public RegistrationViews.CertificationRegistrations transmit(UUID certificationId,
            org.cqpsuite.registration.domain.Transmission body, String author) {
        Instant now = clock.instant();
        RegisteredCertification certification = RegisteredCertification.lockOrCreate(certificationId, now);
        org.cqpsuite.registration.domain.Transmission transmission = body == null ? null : RegistrationRules.normalise(body);
        LocalDate firstRequestedOn = RegistrationEntity.ofCertification(certificationId).stream()
                .map(r -> r.requestedOn).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        check(RegistrationRules.validateTransmission(transmission, today(), firstRequestedOn));
        Transmission row = new Transmission();
        row.certificationId = certificationId;
        row.transmittedOn = transmission.transmittedOn();
        row.reference = transmission.reference();
        row.recordedAt = now;
        row.recordedBy = author;
        row.persist();
        events.changed(certification, RegistrationEventType.TRANSMITTED, now);
        return registrations(certificationId);
    }

    /** Records a CPNE's request for registration in the RNCP or the RS. */
    @Transactional
    public RegistrationViews.RegistrationView request(UUID certificationId, RegistrationRequest request, String author) {
        Instant now = clock.instant();
        RegisteredCertification certification = RegisteredCertification.lockOrCreate(certificationId, now);
        List<Transmission> transmissions = Transmission.list("certificationId = ?1 order by id", certificationId);
        org.cqpsuite.registration.domain.Transmission current = transmissions.isEmpty() ? null
                : RegistrationRules.currentTransmission(transmissions.stream()
                        .map(t -> new org.cqpsuite.registration.domain.Transmission(t.transmittedOn, t.reference))
                        .toList());
        check(RegistrationRules.validateRequest(request, current, today()));
        RegistrationLifecycle.checkRequest(request.directory(), RegistrationEntity.ofCertification(certificationId)
                .stream().map(RegistrationEntity::toDomain).toList());
        RegistrationEntity registration = new RegistrationEntity();
        registration.id = UUID.randomUUID();
        registration.certificationId = certificationId;
        registration.directory = request.directory();
        registration.recordedAt = now;
        registration.apply(RegistrationLifecycle.request(request), now);
        registration.persist();
        history(registration, RegistrationAction.REQUEST.name(), request, author, now);
        events.changed(certification, RegistrationEventType.REQUESTED, now);
        return view(registration);
    }

    /** Records the decision: registered (after the commission's assent) or refused. */
    @Transactional
    public RegistrationViews.RegistrationView decide(UUID registrationId, Decision body, String author) {
        Instant now = clock.instant();
        RegistrationEntity registration = lockedRegistration(registrationId, now);
        RegisteredCertification certification = RegisteredCertification.findById(registration.certificationId);
        RegistrationLifecycle.check(registration.status, RegistrationAction.DECIDE);
        Decision decision = body == null ? null : RegistrationRules.normalise(body);
        Registration current = registration.toDomain();
        check(RegistrationRules.validateDecision(current, decision, today(), codeTaken(registration)));
        registration.apply(RegistrationLifecycle.decide(current, decision), now);
        history(registration, RegistrationAction.DECIDE.name(), decision, author, now);
        events.changed(certification, decision.outcome() == Outcome.REGISTERED ? RegistrationEventType.REGISTERED
                : RegistrationEventType.REFUSED, now);
        return view(registration);
    }

    /** Records a withdrawal from a date, with its reason. */
    @Transactional
    public RegistrationViews.RegistrationView withdraw(UUID registrationId, Withdrawal body, String author) {
        Instant now = clock.instant();
        RegistrationEntity registration = lockedRegistration(registrationId, now);
        RegisteredCertification certification = RegisteredCertification.findById(registration.certificationId);
        RegistrationLifecycle.check(registration.status, RegistrationAction.WITHDRAW);
        Withdrawal withdrawal = body == null ? null : RegistrationRules.normalise(body);
        Registration current = registration.toDomain();
        check(RegistrationRules.validateWithdrawal(current, withdrawal));
        registration.apply(RegistrationLifecycle.withdraw(current, withdrawal), now);
        history(registration, RegistrationAction.WITHDRAW.name(), withdrawal, author, now);
        events.changed(certification, RegistrationEventType.WITHDRAWN, now);
        return view(registration);
    }

    /** Records a renewal: a new registration (the successor) replaces this one. Returns the successor. */
    @Transactional
    public RegistrationViews.RegistrationView renew(UUID registrationId, Decision body, String author) {
        Instant now = clock.instant();
        RegistrationEntity registration = lockedRegistration(registrationId, now);
        RegisteredCertification certification = RegisteredCertification.findById(registration.certificationId);
        RegistrationLifecycle.check(registration.status, RegistrationAction.RENEW);
        Decision decision = body == null ? null : RegistrationRules.normalise(body);
        Registration current = registration.toDomain();
        check(RegistrationRules.validateRenewal(current, decision, today(), codeTaken(registration)));
        Renewal renewal = RegistrationLifecycle.renew(current, decision);

        RegistrationEntity successor = new RegistrationEntity();
        successor.id = UUID.randomUUID();
        successor.certificationId = registration.certificationId;
        successor.directory = registration.directory;
        successor.recordedAt = now;
        successor.apply(renewal.successor(), now);
        successor.predecessorId = registration.id;
        // The replaced row gives up its code first (the successor may keep it: one live registration per code), then
        // the successor exists, then the link to it.
        registration.apply(renewal.replaced(), now);
        RegistrationEntity.getEntityManager().flush();
        successor.persist();
        RegistrationEntity.getEntityManager().flush();
        registration.successorId = successor.id;
        history(registration, RegistrationAction.RENEW.name(), decision, author, now);
        history(successor, "RENEWED", decision, author, now);
        events.changed(certification, RegistrationEventType.RENEWED, now);
        return view(successor);
    }

    /** Expires a registration whose end date has passed; false when it is not (or no longer) due. */
    @Transactional
    public boolean expireIfDue(UUID registrationId) {
        Instant now = clock.instant();
        RegistrationEntity registration = lockedRegistration(registrationId, now);
        Registration current = registration.toDomain();
        if (!RegistrationLifecycle.isDueForExpiry(current, today())) {
            return false;
        }
        registration.apply(RegistrationLifecycle.expire(current, today()), now);
        history(registration, RegistrationAction.EXPIRE.name(), java.util.Map.of("expiredOn", today()), "system", now);
        events.changed(RegisteredCertification.findById(registration.certificationId),
                RegistrationEventType.EXPIRED, now);
        return true;
    }

    /** Registered registrations whose end date is before today: candidates for {@link #expireIfDue}. */
    @Transactional
    public List<UUID> dueForExpiry() {
        return RegistrationEntity.<RegistrationEntity>list("status = ?1 and endsOn < ?2 order by endsOn",
                RegistrationStatus.REGISTERED, today()).stream().map(r -> r.id).toList();
    }

    @Transactional
    public RegistrationViews.CertificationRegistrations registrations(UUID certificationId) {
        List<RegistrationHistoryEntry> history = RegistrationHistoryEntry.list(
                "certificationId = ?1 order by id", certificationId);
        var state = RegistrationEventPublisher.state(certificationId);
        if (state.transmissions().isEmpty() && state.registrations().isEmpty()) {
            throw ProblemException.notFound("No transmission or registration is recorded for certification "
                    + certificationId + ".");
        }
        return new RegistrationViews.CertificationRegistrations(certificationId, state.transmissions(),
                state.registrations(), history.stream().map(RegistrationViews::history).toList());
    }

    @Transactional
    public RegistrationViews.RegistrationView registration(UUID registrationId) {
        RegistrationEntity registration = RegistrationEntity.findById(registrationId);
        if (registration == null) {
            throw ProblemException.notFound("No registration has the id " + registrationId + ".");
        }
        return view(registration);
    }

    @Transactional
    public List<RegistrationViews.RegistrationView> byCode(String code) {
        return RegistrationEntity.<RegistrationEntity>list("code = ?1 order by position", code).stream()
                .map(RegistrationService::view).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The registration, its certification's row locked first (so that it is read after any concurrent change). */
    private static RegistrationEntity lockedRegistration(UUID registrationId, Instant now) {
        RegistrationEntity registration = RegistrationEntity.findById(registrationId);
        if (registration == null) {
            throw ProblemException.notFound("No registration has the id " + registrationId + ".");
        }
        RegisteredCertification.lockOrCreate(registration.certificationId, now);
        RegistrationEntity.getEntityManager().refresh(registration);
        return registration;
    }

    private static Predicate<String> codeTaken(RegistrationEntity registration) {
        return code -> RegistrationEntity.count("directory = ?1 and code = ?2 and status <> ?3 and id <> ?4",
                registration.directory, code, RegistrationStatus.REPLACED, registration.id) > 0;
    }

    private void history(RegistrationEntity registration, String action, Object details, String author, Instant now) {
        RegistrationHistoryEntry entry = new RegistrationHistoryEntry();
        entry.registrationId = registration.id;
        entry.certificationId = registration.certificationId;
        entry.action = action;
        entry.status = registration.status.name();
        entry.details = json.valueToTree(details);
        entry.recordedAt = now;
        entry.recordedBy = author;
        entry.persist();
    }

    private static RegistrationViews.RegistrationView view(RegistrationEntity registration) {
        return new RegistrationViews.RegistrationView(registration.certificationId, RegistrationViews.entry(registration),
                RegistrationHistoryEntry.<RegistrationHistoryEntry>list("registrationId = ?1 order by id", registration.id)
                        .stream().map(RegistrationViews::history).toList());
    }

    private static void check(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw DomainProblems.invalid(violations);
        }
    }
}
