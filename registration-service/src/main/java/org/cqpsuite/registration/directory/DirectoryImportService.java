package org.cqpsuite.registration.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.cqpsuite.events.registration.RegistrationEventType;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.registration.certification.CertificationLookup;
import org.cqpsuite.registration.domain.CertificationKind;
import org.cqpsuite.registration.domain.DirectoryFiche;
import org.cqpsuite.registration.domain.DirectoryImportRules;
import org.cqpsuite.registration.domain.DirectoryImportRules.Change;
import org.cqpsuite.registration.domain.ImportedRegistration;
import org.cqpsuite.registration.domain.Registration;
import org.cqpsuite.registration.domain.RegistrationStatus;
import org.cqpsuite.registration.domain.TransitionException;
import org.cqpsuite.registration.domain.Violation;
import org.cqpsuite.registration.registration.RegisteredCertification;
import org.cqpsuite.registration.registration.RegistrationEntity;
import org.cqpsuite.registration.registration.RegistrationEventPublisher;
import org.cqpsuite.registration.registration.RegistrationHistoryEntry;
import org.cqpsuite.registration.transmission.Transmission;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Records the registrations found in France compétences' directory exports: items applied {@value #APPLY_CHUNK} per
 * transaction, each with its certification's row locked, their events through the outbox; a rejected or failing
 * item makes its chunk be applied again one item per transaction, so that it writes nothing and the others go on.
 *
 * <p>Cost per batch: three queries load what is recorded for all the batch's certifications; an item that changes
 * nothing is answered from them, without a transaction. A chunk costs five statements to lock and read its
 * certifications and one to lock its events' keys in the outbox; its items are planned and their events stated from
 * the rows in memory, and its writes go in JDBC batches: registrations and outbox rows at the flush (inserts grouped
 * by table), transmissions and history entries together at its end ({@link ChunkWrites}).
 * certification-service is asked, in one request for the batch ({@code POST /certifications/lookups}), about the
 * certifications this service does not know yet (or whose kind the importer now gives differently); later imports
 * compare the kind recorded. Items of different certifications are applied by
 * {@code cqp.directory-import.parallelism} workers; the items of one certification one after the other, in the
 * batch's order.
 */
@ApplicationScoped
public class DirectoryImportService {

    private static final Logger LOG = Logger.getLogger(DirectoryImportService.class);

    /** The history actions of the import (registration_history.action). */
    static final String IMPORT = "IMPORT";
    static final String IMPORT_EXPIRE = "IMPORT_EXPIRE";
    static final String IMPORT_WITHDRAW = "IMPORT_WITHDRAW";
    static final String IMPORT_CORRECT = "IMPORT_CORRECT";
    static final String IMPORT_LINK = "IMPORT_LINK";

    static final String UNKNOWN_CERTIFICATION = "unknown-certification";
    static final String KIND_MISMATCH = "kind-mismatch";
    static final String CERTIFICATION_SERVICE_UNAVAILABLE = "certification-service-unavailable";
    static final String NOT_APPLIED = "not-applied";
    /**
     * Items applied per transaction in a lane. A commit per item was most of the cost of a batch; a failing item
     * makes its chunk be applied again item by item, so a chunk is kept well below a batch.
     */
    static final int APPLY_CHUNK = 50;

    private final CertificationLookup certifications;
    private final RegistrationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final ManagedExecutor executor;
    private final int parallelism;
    private final Counter chunksApplied;
    private final Counter chunksRetried;

    DirectoryImportService(CertificationLookup certifications, RegistrationEventPublisher events, ObjectMapper json,
            Clock clock, ManagedExecutor executor, MeterRegistry meters,
            @ConfigProperty(name = "cqp.directory-import.parallelism", defaultValue = "4") int parallelism) {
        this.certifications = certifications;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.executor = executor;
        this.parallelism = Math.max(1, parallelism);
        this.chunksApplied = chunks(meters, "applied", "applied in one transaction");
        this.chunksRetried = chunks(meters, "retried-item-by-item",
                "rolled back (an item refused or failing) and applied again one item per transaction");
    }

    private static Counter chunks(MeterRegistry meters, String outcome, String description) {
        return Counter.builder("cqp.directory-import.chunks").tag("outcome", outcome)
                .description("Chunks of 2 to " + APPLY_CHUNK + " directory import items " + description)
                .register(meters);
    }

    /** What happened to one item. */
    public enum ItemOutcome {
        CREATED, UPDATED, UNCHANGED, REJECTED
    }

    /**
     * The result of one item, in the order of the request.
     *
     * @param code the item's code, normalised; {@code null} for a registration known from an order without code
     * @param legalBasis the item's legal basis, stripped, or {@code null}
     */
    public record ItemResult(String code, String legalBasis, UUID certificationId, UUID registrationId,
            ItemOutcome outcome, List<String> events, List<Problem.FieldError> errors) {
    }

    /** One item of the batch: its place, the fiche normalised, and either what it says or why it is invalid. */
    private record Item(int index, DirectoryFiche fiche, ImportedRegistration imported, List<Violation> violations) {

        String field(String relative) {
            return "items[" + index + "]." + relative;
        }

        ItemResult rejected(Violation... found) {
            return rejected(List.of(found));
        }

        ItemResult rejected(List<Violation> found) {
            return new ItemResult(fiche.code(), fiche.legalBasis(), fiche.certificationId(), null,
                    ItemOutcome.REJECTED, List.of(), found.stream()
                            .map(v -> new Problem.FieldError(field(v.field()), v.rule(), v.message())).toList());
        }
    }

    /** One entry recorded for a certification, as the import compares it. */
    record Entry(UUID id, String code, Registration registration, UUID predecessorId, UUID successorId) {

        static Entry of(RegistrationEntity entity) {
            return new Entry(entity.id, entity.code, entity.toDomain(), entity.predecessorId, entity.successorId);
        }
    }

    /** What is recorded for one certification. */
    record Recorded(CertificationKind kind, boolean transmitted, List<Entry> entries) {

        static final Recorded NOTHING = new Recorded(null, false, List.of());
    }

    /**
     * What the import of one fiche does to its certification: nothing, or a refusal, or a change (an inferred
     * transmission first when due, then the entry created or changed, with the entries it links to).
     */
    record Plan(Violation refusal, Entry match, Registration state, Change change, UUID predecessorId,
            LocalDate transmittedOn, List<Entry> backLinks) {

        boolean changesNothing() {
            return refusal == null && change == Change.NONE && transmittedOn == null && backLinks.isEmpty();
        }
    }

    /** Imports one batch; never throws for an item: a failing item is REJECTED. */
    public List<ItemResult> importRegistrations(LocalDate exportDate, List<DirectoryFiche> fiches, String author) {
        long start = System.nanoTime();
        List<Item> items = new ArrayList<>(fiches.size());
        for (int i = 0; i < fiches.size(); i++) {
            DirectoryFiche fiche = DirectoryImportRules.normalise(fiches.get(i));
            List<Violation> violations = DirectoryImportRules.validate(fiche);
            items.add(new Item(i, fiche, violations.isEmpty() ? DirectoryImportRules.read(fiche) : null, violations));
        }
        ItemResult[] results = new ItemResult[items.size()];
        Map<UUID, List<Item>> byCertification = new LinkedHashMap<>();
        for (Item item : items) {
            if (item.imported() == null) {
                results[item.index()] = item.rejected(item.violations());
            } else {
                byCertification.computeIfAbsent(item.imported().certificationId(), id -> new ArrayList<>()).add(item);
            }
        }
        if (byCertification.isEmpty()) {
            return report(exportDate, results, 0, start, start);
        }
        LocalDate today = LocalDate.now(clock);
        Map<UUID, Recorded> recorded = QuarkusTransaction.requiringNew().call(() -> load(byCertification.keySet()));
        Map<UUID, CertificationLookup.Answer> answers = lookUp(byCertification, recorded);
        long looked = System.nanoTime();

        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (List<Item> lane : lanes(byCertification)) {
            Runnable work = () -> {
                Set<UUID> seen = new HashSet<>();
                List<Item> toApply = new ArrayList<>();
                for (Item item : lane) {
                    UUID id = item.imported().certificationId();
                    // After the first item of a certification the batch's snapshot may be stale: re-read it.
                    boolean seenBefore = !seen.add(id);
                    try {
                        ItemResult decided = decide(item, recorded.get(id), answers.get(id), exportDate, today,
                                seenBefore);
                        if (decided != null) {
                            results[item.index()] = decided;
                        } else {
                            toApply.add(item);
                        }
                    } catch (RuntimeException e) {
                        results[item.index()] = notApplied(item, e);
                    }
                }
                // Deciding writes nothing, so applying the others afterwards, in the lane's order, is the same.
                for (int from = 0; from < toApply.size(); from += APPLY_CHUNK) {
                    applyChunk(toApply.subList(from, Math.min(toApply.size(), from + APPLY_CHUNK)), exportDate,
                            today, author, results);
                }
            };
            running.add(executor.runAsync(work));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        return report(exportDate, results, answers.size(), start, looked);
    }

    private static List<ItemResult> report(LocalDate exportDate, ItemResult[] results, int asked, long start,
            long looked) {
        Map<ItemOutcome, Integer> counts = new java.util.EnumMap<>(ItemOutcome.class);
        for (ItemResult result : results) {
            counts.merge(result.outcome(), 1, Integer::sum);
        }
        long end = System.nanoTime();
        LOG.infof("Directory import of %d item(s) of the export of %s: %s in %d ms (certification-service asked about "
                + "%d certification(s) in %d ms)", results.length, exportDate, counts, (end - start) / 1_000_000,
                asked, (looked - start) / 1_000_000);
        return List.of(results);
    }

    /**
     * The items in at most {@code parallelism} lanes, each in the batch's order. The items of one certification are in
     * one lane, and so are certifications whose items name the same code, so that the first of them in the batch
     * takes the code (the others are {@code duplicate-code}) whatever the timing.
     */
    private List<List<Item>> lanes(Map<UUID, List<Item>> byCertification) {
        Map<UUID, UUID> group = new HashMap<>();
        Map<String, UUID> firstWithCode = new HashMap<>();
        for (Map.Entry<UUID, List<Item>> certification : byCertification.entrySet()) {
            group.put(certification.getKey(), certification.getKey());
        }
        for (Map.Entry<UUID, List<Item>> certification : byCertification.entrySet()) {
            for (Item item : certification.getValue()) {
                if (item.imported().code() == null) {
                    continue; // keyed by its certification's legal basis: no other certification shares the key
                }
                UUID other = firstWithCode.putIfAbsent(item.imported().code(), certification.getKey());
                if (other != null) {
                    group.put(root(group, certification.getKey()), root(group, other));
                }
            }
        }
        Map<UUID, List<Item>> byGroup = new LinkedHashMap<>();
        for (Map.Entry<UUID, List<Item>> certification : byCertification.entrySet()) {
            byGroup.computeIfAbsent(root(group, certification.getKey()), id -> new ArrayList<>())
                    .addAll(certification.getValue());
        }
        int laneCount = Math.min(parallelism, byGroup.size());
        List<List<Item>> lanes = new ArrayList<>();
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new ArrayList<>());
        }
        int next = 0;
        for (List<Item> items : byGroup.values()) {
            lanes.get(next++ % laneCount).addAll(items);
        }
        lanes.forEach(lane -> lane.sort(Comparator.comparingInt(Item::index)));
        return lanes;
    }

    private static UUID root(Map<UUID, UUID> group, UUID id) {
        UUID root = id;
        while (!group.get(root).equals(root)) {
            root = group.get(root);
        }
        return root;
    }

    /**
     * One item: its kind checked, then compared with what the batch loaded. Its result when that decides it (REJECTED
     * by certification-service's answer, UNCHANGED when it changes nothing and no earlier item of the batch changed its
     * certification); {@code null} when it is to be applied.
     */
    private ItemResult decide(Item item, Recorded recorded, CertificationLookup.Answer answer,
            LocalDate exportDate, LocalDate today, boolean certificationSeenBefore) {
        ImportedRegistration fiche = item.imported();
        CertificationKind kind = fiche.kind();
        if (answer instanceof CertificationLookup.Unknown) {
            return item.rejected(new Violation("certificationId", UNKNOWN_CERTIFICATION, "certification-service knows "
                    + "no certification " + fiche.certificationId() + ": create it there first"));
        }
        if (answer instanceof CertificationLookup.Unavailable) {
            return item.rejected(new Violation("certificationId", CERTIFICATION_SERVICE_UNAVAILABLE,
                    "certification-service could not be asked whether certification " + fiche.certificationId()
                            + " exists; nothing was written for this item: import it again later"));
        }
        if (answer instanceof CertificationLookup.Found found && !kind.name().equals(found.certification().kind())) {
            return item.rejected(new Violation("kind", KIND_MISMATCH, "certification-service classifies certification "
                    + fiche.certificationId() + " as " + found.certification().kind() + ", not " + kind
                    + ": correct the certification or the classification"));
        }
        if (!certificationSeenBefore && kind == recorded.kind()) {
            Plan plan = plan(recorded, fiche, kind, exportDate, today);
            if (plan.changesNothing()) {
                return unchanged(item, plan);
            }
        }
        return null;
    }

    /**
     * Applies items of one lane, in order, in one transaction: one commit for the chunk rather than one per item.
     * The chunk's certifications are locked and read once ({@link CertificationRows}); each item changes their rows in
     * place, so it sees the items before it as it would have after their commits. If any item is refused or fails,
     * the chunk rolls back and its items are applied again one transaction each: the refused or failing item alone is
     * REJECTED, the others are written, with the same results as item-by-item transactions.
     */
    private void applyChunk(List<Item> chunk, LocalDate exportDate, LocalDate today, String author,
            ItemResult[] results) {
        if (chunk.size() > 1) {
            try {
                List<ItemResult> applied = QuarkusTransaction.requiringNew().call(() -> applyAll(chunk, exportDate,
                        today, author));
                for (int i = 0; i < chunk.size(); i++) {
                    results[chunk.get(i).index()] = applied.get(i);
                }
                chunksApplied.increment();
                return;
            } catch (RuntimeException e) {
                chunksRetried.increment();
                LOG.debugf("A chunk of %d directory import items was rolled back (%s): applying them one by one",
                        chunk.size(), e.toString());
            }
        }
        for (Item item : chunk) {
            try {
                results[item.index()] = applyAlone(item, exportDate, today, author);
            } catch (RuntimeException e) {
                results[item.index()] = notApplied(item, e);
            }
        }
    }

    /** One item in its own transaction; a refusal is its REJECTED result. */
    private ItemResult applyAlone(Item item, LocalDate exportDate, LocalDate today, String author) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> applyAll(List.of(item), exportDate, today, author)
                    .get(0));
        } catch (Rejected e) {
            return item.rejected(e.violation);
        } catch (TransitionException e) {
            return item.rejected(new Violation("active", e.reason(), e.getMessage()));
        }
    }

    /** An unexpected failure of one item: rolled back, logged with an id, reported; the batch goes on. */
    private static ItemResult notApplied(Item item, RuntimeException e) {
        ImportedRegistration fiche = item.imported();
        if (duplicateCode(e)) {
            // Another request took the code between this item's check and its commit.
            return item.rejected(new Violation("code", Violation.DUPLICATE_CODE, fiche.code() + " is already held by "
                    + "a registration of another certification"));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Directory import: item %d (%s of certification %s) not applied, error id %s", item.index(),
                fiche.designation(), fiche.certificationId(), errorId);
        return item.rejected(new Violation("code", NOT_APPLIED, "could not be applied (error id " + errorId
                + "); nothing was written for this item"));
    }

    private static ItemResult unchanged(Item item, Plan plan) {
        return new ItemResult(item.fiche().code(), item.fiche().legalBasis(), item.imported().certificationId(),
                plan.match().id(), ItemOutcome.UNCHANGED, List.of(), List.of());
    }

    /**
     * In the caller's transaction: locks and reads the items' certifications once ({@link CertificationRows}), then
     * applies the items in order. A {@link Rejected} rolls it back.
     */
    private List<ItemResult> applyAll(List<Item> items, LocalDate exportDate, LocalDate today, String author) {
        List<UUID> certificationIds = items.stream().map(item -> item.imported().certificationId()).distinct()
                .toList();
        List<String> codes = items.stream().map(item -> item.imported().code()).filter(Objects::nonNull).toList();
        CertificationRows rows = CertificationRows.lockAndLoad(certificationIds, codes, clock.instant());
        events.willChange(certificationIds);
        List<ItemResult> applied = new ArrayList<>(items.size());
        ChunkWrites writes = new ChunkWrites();
        for (Item item : items) {
            applied.add(apply(item, rows, exportDate, today, author, writes));
        }
        writes.write(RegistrationHistoryEntry.getEntityManager());
        return applied;
    }

    /** One item, against its certification's rows (locked), which it changes in place: plan, write, publish. */
    private ItemResult apply(Item item, CertificationRows rows, LocalDate exportDate, LocalDate today,
            String author, ChunkWrites writes) {
        ImportedRegistration fiche = item.imported();
        CertificationKind kind = fiche.kind();
        UUID certificationId = fiche.certificationId();
        Instant now = clock.instant();
        RegisteredCertification certification = rows.certification(certificationId);
        Plan plan = plan(rows.recorded(certificationId), fiche, kind, exportDate, today);
        if (plan.refusal() != null) {
            throw new Rejected(plan.refusal());
        }
        if (!kind.name().equals(certification.kind)) {
            certification.kind = kind.name();
        }
        if (plan.changesNothing()) {
            return unchanged(item, plan);
        }
        if (plan.match() == null && fiche.code() != null
                && rows.heldByAnother(fiche.directory(), fiche.code(), certificationId)) {
            throw new Rejected(new Violation("code", Violation.DUPLICATE_CODE, fiche.code() + " is already held by a "
                    + "registration of another certification in the " + fiche.directory() + ": a code identifies one "
                    + "certification in its directory"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("exportDate", exportDate);
        details.put("fiche", item.fiche());
        List<String> published = new ArrayList<>();
        if (plan.transmittedOn() != null) {
            Transmission transmission = new Transmission();
            transmission.certificationId = certificationId;
            transmission.transmittedOn = plan.transmittedOn();
            transmission.reference = null;
            transmission.recordedAt = now;
            transmission.recordedBy = author;
            transmission.inferred = true;
            writes.add(transmission);
            rows.added(transmission);
            publish(rows, certification, RegistrationEventType.TRANSMITTED, now, published);
        }
        RegistrationEntity entity;
        ItemOutcome outcome;
        if (plan.match() == null) {
            entity = new RegistrationEntity();
            entity.id = UUID.randomUUID();
            entity.certificationId = certificationId;
            entity.directory = fiche.directory();
            entity.recordedAt = now;
            entity.apply(plan.state(), now);
            entity.predecessorId = plan.predecessorId();
            entity.persist();
            rows.added(entity);
            writes.add(history(entity, IMPORT, details, author, now));
            for (Entry linked : plan.backLinks()) {
                RegistrationEntity successor = rows.registration(certificationId, linked.id());
                successor.predecessorId = entity.id;
                successor.updatedAt = now;
                writes.add(history(successor, IMPORT_LINK, Map.of("exportDate", exportDate, "predecessorId",
                        entity.id, "predecessorCode", fiche.code()), author, now));
            }
            outcome = ItemOutcome.CREATED;
        } else {
            entity = rows.registration(certificationId, plan.match().id());
            if (plan.change() != Change.NONE) {
                entity.apply(plan.state(), now);
                entity.predecessorId = plan.predecessorId();
                writes.add(history(entity, historyAction(plan.change()), details, author, now));
            }
            outcome = ItemOutcome.UPDATED;
        }
        if (plan.change() != Change.NONE) {
            publish(rows, certification, eventType(plan.change()), now, published);
        }
        return new ItemResult(fiche.code(), fiche.legalBasis(), certificationId, entity.id, outcome,
                List.copyOf(published), List.of());
    }

    /** The event of a change, with the certification's state after it, as its rows now say. */
    private void publish(CertificationRows rows, RegisteredCertification certification, RegistrationEventType type,
            Instant now, List<String> published) {
        UUID id = certification.certificationId;
        events.changed(certification, type, now, rows.transmissions(id), rows.registrations(id));
        published.add(type.ceType());
    }

    /** What importing the fiche would do to the certification as recorded. */
    static Plan plan(Recorded recorded, ImportedRegistration fiche, CertificationKind kind, LocalDate exportDate,
            LocalDate today) {
        Entry match = fiche.code() != null ? find(recorded.entries(), fiche.code(), null)
                : findByLegalBasis(recorded.entries(), fiche);
        DirectoryImportRules.Reconciliation reconciliation = DirectoryImportRules.reconcile(
                match == null ? null : match.registration(), match != null && match.predecessorId() != null,
                match != null && match.successorId() != null, fiche, exportDate, today);
        if (reconciliation instanceof DirectoryImportRules.Refused refused) {
            return new Plan(refused.violation(), match, null, Change.NONE, null, null, List.of());
        }
        DirectoryImportRules.Applied applied = (DirectoryImportRules.Applied) reconciliation;
        Registration state = applied.state();
        Change change = applied.change();
        UUID selfId = match == null ? null : match.id();
        Entry predecessor = state.predecessorCode() == null ? null
                : find(recorded.entries(), state.predecessorCode(), selfId);
        UUID predecessorId = predecessor != null ? predecessor.id()
                : match != null && Objects.equals(state.predecessorCode(), match.registration().predecessorCode())
                        ? match.predecessorId() : null;
        if (change == Change.NONE && !Objects.equals(predecessorId, match.predecessorId())) {
            change = Change.CORRECTED;
        }
        List<Entry> backLinks = match != null || fiche.code() == null ? List.<Entry>of() : recorded.entries().stream()
                .filter(e -> e.predecessorId() == null && fiche.code().equals(e.registration().predecessorCode()))
                .toList();
        LocalDate transmittedOn = null;
        if (kind.isTransmitted() && !recorded.transmitted()) {
            transmittedOn = Stream.concat(
                    recorded.entries().stream().filter(e -> e != match).map(Entry::registration),
                    Stream.of(state))
                    .flatMap(r -> Stream.of(r.decidedOn(), r.effectiveFrom())).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElseThrow();
        }
        return new Plan(null, match, state, change, predecessorId, transmittedOn, backLinks);
    }

    /** The entry holding {@code code} (not {@code except}): the live one if any, else the last recorded. */
    private static Entry find(List<Entry> entries, String code, UUID except) {
        Entry found = null;
        for (Entry entry : entries) {
            if (code.equals(entry.code()) && !entry.id().equals(except)) {
                if (entry.registration().status() != RegistrationStatus.REPLACED) {
                    return entry;
                }
                found = entry;
            }
        }
        return found;
    }

    /**
     * The entry a fiche without code applies to: the one of its directory recorded without code under the same legal
     * basis (the live one if any, else the last). An entry with a code is keyed by its code only, so it is never
     * taken for an order's registration without one.
     */
    private static Entry findByLegalBasis(List<Entry> entries, ImportedRegistration fiche) {
        Entry found = null;
        for (Entry entry : entries) {
            Registration registration = entry.registration();
            if (entry.code() == null && registration.directory() == fiche.directory()
                    && fiche.legalBasis().equals(registration.legalBasis())) {
                if (registration.status() != RegistrationStatus.REPLACED) {
                    return entry;
                }
                found = entry;
            }
        }
        return found;
    }

    /** What is recorded for these certifications: three queries whatever their number. */
    static Map<UUID, Recorded> load(Collection<UUID> ids) {
        List<UUID> list = List.copyOf(ids);
        Map<UUID, CertificationKind> kinds = new HashMap<>();
        RegisteredCertification.<RegisteredCertification>list("certificationId in ?1", list)
                .forEach(c -> kinds.put(c.certificationId, c.kind == null ? null : CertificationKind.of(c.kind)));
        Map<UUID, List<Entry>> entries = new HashMap<>();
        RegistrationEntity.<RegistrationEntity>list("certificationId in ?1 order by position", list)
                .forEach(e -> entries.computeIfAbsent(e.certificationId, id -> new ArrayList<>()).add(Entry.of(e)));
        Set<UUID> transmitted = new HashSet<>(Transmission.getEntityManager().createQuery(
                "select distinct t.certificationId from Transmission t where t.certificationId in ?1", UUID.class)
                .setParameter(1, list).getResultList());
        Map<UUID, Recorded> recorded = new HashMap<>();
        for (UUID id : list) {
            recorded.put(id, kinds.containsKey(id) || entries.containsKey(id) || transmitted.contains(id)
                    ? new Recorded(kinds.get(id), transmitted.contains(id), List.copyOf(entries.getOrDefault(id,
                            List.of())))
                    : Recorded.NOTHING);
        }
        return recorded;
    }

    /**
     * Asks certification-service about the certifications whose kind is not recorded yet, or recorded differently
     * from what the batch's items say: in one request for the batch ({@link CertificationLookup#findAll}).
     */
    private Map<UUID, CertificationLookup.Answer> lookUp(Map<UUID, List<Item>> byCertification,
            Map<UUID, Recorded> recorded) {
        List<UUID> toAsk = new ArrayList<>();
        for (Map.Entry<UUID, List<Item>> certification : byCertification.entrySet()) {
            CertificationKind known = recorded.get(certification.getKey()).kind();
            Set<CertificationKind> given = new LinkedHashSet<>();
            certification.getValue().forEach(item -> given.add(item.imported().kind()));
            if (known == null || !given.equals(Set.of(known))) {
                toAsk.add(certification.getKey());
            }
        }
        return toAsk.isEmpty() ? Map.of() : certifications.findAll(toAsk);
    }

    /** A history entry of the registration as it is now, to be inserted at the end of the chunk (ChunkWrites). */
    private RegistrationHistoryEntry history(RegistrationEntity registration, String action, Object details,
            String author, Instant now) {
        RegistrationHistoryEntry entry = new RegistrationHistoryEntry();
        entry.registrationId = registration.id;
        entry.certificationId = registration.certificationId;
        entry.action = action;
        entry.status = registration.status.name();
        entry.details = json.valueToTree(details);
        entry.recordedAt = now;
        entry.recordedBy = author;
        return entry;
    }

    private static String historyAction(Change change) {
        return switch (change) {
            case EXPIRED -> IMPORT_EXPIRE;
            case WITHDRAWN -> IMPORT_WITHDRAW;
            case CORRECTED -> IMPORT_CORRECT;
            case REGISTERED, NONE -> IMPORT;
        };
    }

    private static RegistrationEventType eventType(Change change) {
        return switch (change) {
            case REGISTERED -> RegistrationEventType.REGISTERED;
            case EXPIRED -> RegistrationEventType.EXPIRED;
            case WITHDRAWN -> RegistrationEventType.WITHDRAWN;
            case CORRECTED -> RegistrationEventType.CORRECTED;
            case NONE -> throw new IllegalArgumentException("No event for " + change);
        };
    }

    private static boolean duplicateCode(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("registration_code_uq")) {
                return true;
            }
        }
        return false;
    }

    /** Refuses the item: its transaction is rolled back, nothing it did stays. */
    static final class Rejected extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final transient Violation violation;

        Rejected(Violation violation) {
            super(violation.message(), null, false, false);
            this.violation = violation;
        }
    }
}
