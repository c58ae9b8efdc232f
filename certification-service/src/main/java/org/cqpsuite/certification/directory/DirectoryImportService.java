package org.cqpsuite.certification.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cqpsuite.certification.branch.Branch;
import org.cqpsuite.certification.certification.Certification;
import org.cqpsuite.certification.certification.CertificationEventPublisher;
import org.cqpsuite.certification.certification.CertificationMapper;
import org.cqpsuite.certification.directory.DirectoryImportResponse.Outcome;
import org.cqpsuite.certification.directory.DirectoryImportResponse.Result;
import org.cqpsuite.certification.domain.ActivityFramework;
import org.cqpsuite.certification.domain.CertificationDraft;
import org.cqpsuite.certification.domain.CertificationKind;
import org.cqpsuite.certification.domain.CertificationLifecycle;
import org.cqpsuite.certification.domain.CertificationRules;
import org.cqpsuite.certification.domain.CertificationStatus;
import org.cqpsuite.certification.domain.Cpne;
import org.cqpsuite.certification.domain.EvaluationFramework;
import org.cqpsuite.certification.domain.FrameworkKind;
import org.cqpsuite.certification.domain.FrameworkVersions;
import org.cqpsuite.certification.domain.LifecycleException;
import org.cqpsuite.certification.domain.SkillsFramework;
import org.cqpsuite.certification.domain.Source;
import org.cqpsuite.certification.domain.Violation;
import org.cqpsuite.certification.framework.FrameworkService;
import org.cqpsuite.certification.framework.FrameworkVersionEntity;
import org.cqpsuite.events.certification.CertificationEventType;
import org.cqpsuite.problem.JsonProblems;
import org.cqpsuite.problem.Problem;
import org.cqpsuite.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * The directory import: writes a batch of certifications found in France compétences' RNCP/RS exports, keyed by their
 * directory code, or in official orders (arrêtés) that registered them in the RNCP without giving their RNCP code,
 * keyed by an external reference; idempotently.
 *
 * <ul>
 * <li>The batch is read in three queries whatever its size (the known branches among its IDCCs; its existing
 * certifications with their CPNEs, and the latest version of their frameworks), then every item is validated and
 * compared in memory: an item equal to what is stored is UNCHANGED without any write.</li>
 * <li>The items to write are written {@value #WRITE_CHUNK} per transaction; if one of them is refused or fails, its
 * chunk rolls back and is written again one item per transaction: a rejected or failing item writes nothing and does
 * not stop the others. The events of an item commit with it, through the outbox.</li>
 * </ul>
 */
@ApplicationScoped
public class DirectoryImportService {

    public static final int MAX_ITEMS = 500;
    /**
     * Items written per transaction: one commit per chunk rather than per item. A whole batch in one transaction would
     * hold its rows' locks longer and, on a failure, write more again item by item.
     */
    static final int WRITE_CHUNK = 100;

    static final String INTERNAL = "internal";
    /** An item with both or neither of {@code directoryCode} and {@code externalReference}. */
    static final String ONE_KEY = "one-key";

    private static final Logger LOG = Logger.getLogger(DirectoryImportService.class);
    private static final String ITEM_EXAMPLE = "{\"directoryCode\": \"RNCP34486\", \"kind\": \"CQP\", \"title\": "
            + "\"CQP Technicien de maintenance\", \"cpnes\": [{\"name\": \"CPNE de la métallurgie\", \"idcc\": \"3248\"}]}";

    private final ObjectMapper json;
    private final CertificationEventPublisher events;
    private final FrameworkService frameworks;
    private final Clock clock;
    private final FrameworkVersions versions;
    private final Counter chunksWritten;
    private final Counter chunksRetried;

    DirectoryImportService(ObjectMapper json, CertificationEventPublisher events, FrameworkService frameworks,
            Clock clock, MeterRegistry meters) {
        this.json = json;
        this.events = events;
        this.frameworks = frameworks;
        this.clock = clock;
        this.versions = new FrameworkVersions(clock);
        this.chunksWritten = chunks(meters, "applied", "written in one transaction");
        this.chunksRetried = chunks(meters, "retried-item-by-item",
                "rolled back (an item refused or failing) and written again one item per transaction");
    }

    private static Counter chunks(MeterRegistry meters, String outcome, String description) {
        return Counter.builder("cqp.directory-import.chunks").tag("outcome", outcome)
                .description("Chunks of 2 to " + WRITE_CHUNK + " directory import items " + description)
                .register(meters);
    }

    /**
     * Imports a batch; 400 (a {@link ProblemException}) only when the body as a whole is unusable (not an object,
     * unknown fields, {@code items} missing, empty or longer than {@value #MAX_ITEMS}). Everything wrong with one item
     * is that item's REJECTED result.
     *
     * @param author the author of the framework versions written (the token's name)
     */
    public DirectoryImportResponse importAll(JsonNode body, String author) {
        List<JsonNode> items = itemsOf(body);
        Result[] results = new Result[items.size()];
        List<Candidate> candidates = new ArrayList<>();
        Map<ImportKey, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Candidate candidate = parse(i, items.get(i), seen);
            if (candidate.rejection != null) {
                results[i] = candidate.rejection;
            } else {
                candidates.add(candidate);
            }
        }

        Batch batch = candidates.isEmpty() ? new Batch(Set.of(), Map.of())
                : QuarkusTransaction.requiringNew().call(() -> load(candidates));
        List<Write> writes = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Write write = prepare(candidate, batch, results);
            if (write != null) {
                writes.add(write);
            }
        }
        for (int from = 0; from < writes.size(); from += WRITE_CHUNK) {
            write(writes.subList(from, Math.min(writes.size(), from + WRITE_CHUNK)), author, results);
        }

        List<Result> answer = List.of(results);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        answer.forEach(result -> counts.merge(result.outcome(), 1, Integer::sum));
        LOG.infof("Directory import of %d items by %s: %s", answer.size(), author, counts);
        return new DirectoryImportResponse(answer);
    }

    // ------------------------------------------------------------------------------------------------------- body

    private static List<JsonNode> itemsOf(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.invalid("body", Violation.REQUIRED,
                    "is required: a JSON object {\"items\": [...]}, e.g. {\"items\": [" + ITEM_EXAMPLE + "]}");
        }
        if (!body.isObject()) {
            throw ProblemException.invalid("body", "type", "must be a JSON object {\"items\": [...]}");
        }
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!"items".equals(name)) {
                unknown.add(new Problem.FieldError(name, "unknown-field",
                        "is not a field of this request (known fields: [items])"));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
        JsonNode items = body.get("items");
        if (items == null || items.isNull()) {
            throw ProblemException.invalid("items", Violation.REQUIRED, "is required: an array of 1 to " + MAX_ITEMS
                    + " certifications, e.g. [" + ITEM_EXAMPLE + "]");
        }
        if (!items.isArray()) {
            throw ProblemException.invalid("items", "type", "must be an array of 1 to " + MAX_ITEMS
                    + " certifications");
        }
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw ProblemException.invalid("items", "size", "must hold 1 to " + MAX_ITEMS + " certifications (found "
                    + items.size() + ")" + (items.isEmpty() ? "" : ": send the others in further requests"));
        }
        List<JsonNode> list = new ArrayList<>(items.size());
        items.forEach(list::add);
        return list;
    }

    /**
     * Reads one item; its result is a REJECTED one when it cannot be read or its key is wrong: both or neither of
     * {@code directoryCode} and {@code externalReference} (rule {@value #ONE_KEY}), an invalid code or reference, or a
     * key already given by an earlier item of the request.
     */
    private Candidate parse(int index, JsonNode node, Map<ImportKey, Integer> seen) {
        String at = "items[" + index + "]";
        if (node == null || !node.isObject()) {
            return Candidate.rejected(index, Result.rejected(null, null, List.of(new Problem.FieldError(at,
                    node == null || node.isNull() ? Violation.REQUIRED : "type",
                    "must be a certification (a JSON object), e.g. " + ITEM_EXAMPLE))));
        }
        JsonNode codeNode = node.get("directoryCode");
        JsonNode referenceNode = node.get("externalReference");
        boolean hasCode = codeNode != null && !codeNode.isNull();
        boolean hasReference = referenceNode != null && !referenceNode.isNull();
        // An object or array as a key: the mapping below reports its type.
        String sentCode = hasCode && codeNode.isValueNode() ? codeNode.asText() : null;
        String sentReference = hasReference && referenceNode.isValueNode() ? referenceNode.asText() : null;
        ImportKey key = null;
        List<Problem.FieldError> errors = new ArrayList<>();
        if (hasCode && hasReference) {
            errors.add(new Problem.FieldError(at, ONE_KEY, "has both directoryCode and externalReference: give "
                    + "exactly one, directoryCode for a certification of France compétences' directory (" 
                    + DirectoryCodes.HINT + "), externalReference for one registered by an official order without "
                    + "RNCP code (" + ExternalReferences.HINT + ")"));
        } else if (!hasCode && !hasReference) {
            errors.add(new Problem.FieldError(at, ONE_KEY, "needs exactly one of directoryCode ("
                    + DirectoryCodes.HINT + ") and externalReference, for a certification registered by an official "
                    + "order without RNCP code (" + ExternalReferences.HINT + ")"));
        } else if (sentCode != null) {
            String code = DirectoryCodes.normalise(sentCode);
            if (code.isEmpty()) {
                errors.add(new Problem.FieldError(at + ".directoryCode", Violation.REQUIRED,
                        "is required: " + DirectoryCodes.HINT));
            } else if (!DirectoryCodes.isValid(code)) {
                errors.add(new Problem.FieldError(at + ".directoryCode", Violation.PATTERN,
                        "must be " + DirectoryCodes.HINT + " (found \"" + shortened(sentCode) + "\")"));
            } else {
                key = ImportKey.ofDirectoryCode(code);
            }
        } else if (sentReference != null) {
            String reference = ExternalReferences.normalise(sentReference);
            if (reference.isEmpty()) {
                errors.add(new Problem.FieldError(at + ".externalReference", Violation.REQUIRED,
                        "is required: " + ExternalReferences.HINT));
            } else if (reference.length() > ExternalReferences.MAX_LENGTH) {
                errors.add(new Problem.FieldError(at + ".externalReference", Violation.MAX_LENGTH,
                        "must have at most " + ExternalReferences.MAX_LENGTH + " characters (found "
                                + reference.length() + ": \"" + shortened(reference) + "\")"));
            } else if (!ExternalReferences.isValid(reference)) {
                errors.add(new Problem.FieldError(at + ".externalReference", Violation.PATTERN,
                        "must be " + ExternalReferences.HINT + " (found \"" + shortened(sentReference) + "\")"));
            } else {
                key = ImportKey.ofExternalReference(reference);
            }
        }
        if (key != null) {
            Integer first = seen.putIfAbsent(key, index);
            if (first != null) {
                String value = key.directoryCode() != null ? key.directoryCode() : key.externalReference();
                errors.add(new Problem.FieldError(at + "." + key.field(), Violation.DUPLICATE, "repeats items["
                        + first + "]." + key.field() + " (" + value + "): each certification is imported once per "
                        + "request"));
            }
        }
        DirectoryImportRequest.Item item = null;
        try {
            item = json.treeToValue(node, DirectoryImportRequest.Item.class);
        } catch (JsonProcessingException e) {
            JsonProblems.of(e).problem().errors().forEach(error -> errors.add(new Problem.FieldError(
                    "body".equals(error.field()) ? at : at + "." + error.field(), error.rule(), error.message())));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(at, "type", "cannot be read: " + e.getMessage()));
        }
        if (!errors.isEmpty()) {
            return Candidate.rejected(index, key != null ? Result.rejected(key, errors)
                    : Result.rejected(sentCode, sentReference, errors));
        }
        return new Candidate(index, key, item, null);
    }

    private static String shortened(String sent) {
        return sent.length() > 40 ? sent.substring(0, 40) + "…" : sent;
    }

    // ------------------------------------------------------------------------------------------------------ batch

    /** The known branches among the batch's IDCCs and the batch's existing certifications, in three queries. */
    private Batch load(List<Candidate> candidates) {
        Set<String> idccs = new HashSet<>();
        List<String> codes = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.key.directoryCode() != null) {
                codes.add(candidate.key.directoryCode());
            } else {
                references.add(candidate.key.externalReference());
            }
            if (candidate.item.cpnes() != null) {
                candidate.item.cpnes().stream()
                        .filter(cpne -> cpne != null && cpne.idcc() != null
                                && CertificationRules.IDCC.matcher(cpne.idcc().strip()).matches())
                        .forEach(cpne -> idccs.add(cpne.idcc().strip()));
            }
        }
        Set<String> known = idccs.isEmpty() ? Set.of() : new HashSet<>(Branch.getEntityManager()
                .createQuery("select b.idcc from Branch b where b.idcc in :idccs", String.class)
                .setParameter("idccs", idccs).getResultList());

        List<String> keys = new ArrayList<>();
        if (!codes.isEmpty()) {
            keys.add("c.directoryCode in :codes");
        }
        if (!references.isEmpty()) {
            keys.add("c.externalReference in :references");
        }
        TypedQuery<Certification> query = Certification.getEntityManager().createQuery(
                "select distinct c from Certification c left join fetch c.cpnes where " + String.join(" or ", keys),
                Certification.class);
        if (!codes.isEmpty()) {
            query.setParameter("codes", codes);
        }
        if (!references.isEmpty()) {
            query.setParameter("references", references);
        }
        List<Certification> found = query.getResultList();
        Map<UUID, Map<FrameworkKind, FrameworkVersionEntity>> latest = FrameworkVersionEntity.latestOf(
                found.stream().map(c -> c.id).toList());
        Map<ImportKey, Stored> existing = new HashMap<>();
        for (Certification c : found) {
            Map<FrameworkKind, JsonNode> contents = new EnumMap<>(FrameworkKind.class);
            latest.getOrDefault(c.id, Map.of()).forEach((kind, version) -> contents.put(kind, version.content));
            Stored stored = Stored.of(c, contents);
            if (c.directoryCode != null) {
                existing.put(ImportKey.ofDirectoryCode(c.directoryCode), stored);
            }
            if (c.externalReference != null) {
                existing.put(ImportKey.ofExternalReference(c.externalReference), stored);
            }
        }
        return new Batch(known, existing);
    }

    // ------------------------------------------------------------------------------------------------------- item

    /**
     * Validates one item and compares it with what the batch read: its result when that decides it (REJECTED,
     * UNCHANGED), else the write to make.
     */
    private Write prepare(Candidate candidate, Batch batch, Result[] results) {
        String at = "items[" + candidate.index + "]";
        Stored stored = batch.existing.get(candidate.key);
        Desired desired;
        try {
            desired = validated(candidate, at, batch.knownBranches, stored);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            results[candidate.index] = internal(candidate, e);
            return null;
        }
        if (!desired.errors.isEmpty()) {
            results[candidate.index] = Result.rejected(candidate.key, desired.errors);
            return null;
        }
        if (stored != null && stored.sameAs(desired)) {
            results[candidate.index] = Result.done(candidate.key, stored.id, Outcome.UNCHANGED);
            return null;
        }
        return new Write(candidate, stored, desired, at, stored != null ? stored.id : UUID.randomUUID());
    }

    /**
     * Writes a chunk of validated items in one transaction: one commit instead of one per item, which is what made a
     * batch slow. The chunk's creations are not flushed one by one: their rows (certifications, framework versions,
     * outbox rows) go to PostgreSQL together, grouped by table in JDBC batches ({@code hibernate.order_inserts}). An
     * update flushes at each of its events (their state carries the row's version), so after it the persistence
     * context is flushed and cleared: the next update's events would otherwise dirty-check it again. If anything
     * fails in the chunk (an item refused
     * while writing, a database error, a deadlock with another import), the whole chunk rolls back and its items
     * are written again one transaction each, so that the failing item alone is REJECTED and the others are
     * written: the results are then exactly those of item-by-item writes.
     */
    private void write(List<Write> chunk, String author, Result[] results) {
        if (chunk.size() > 1) {
            try {
                List<Result> written = QuarkusTransaction.requiringNew().call(() -> {
                    EntityManager entityManager = Certification.getEntityManager();
                    // The outbox's locks of all the chunk's keys in one statement, not one per item.
                    events.willChange(chunk.stream().map(Write::id).toList());
                    List<Result> done = new ArrayList<>(chunk.size());
                    for (Write write : chunk) {
                        done.add(apply(write, author));
                        if (write.stored != null) {
                            entityManager.flush();
                            entityManager.clear();
                        }
                    }
                    // Inside the call: a failing insert rolls the chunk back and is retried item by item below.
                    entityManager.flush();
                    return done;
                });
                for (int i = 0; i < chunk.size(); i++) {
                    results[chunk.get(i).candidate.index] = written.get(i);
                }
                chunksWritten.increment();
                return;
            } catch (RuntimeException e) {
                chunksRetried.increment();
                LOG.debugf("A chunk of %d directory import items failed (%s): writing them one by one", chunk.size(),
                        unwrap(e));
            }
        }
        for (Write write : chunk) {
            results[write.candidate.index] = writeAlone(write, author);
        }
    }

    /** One item in its own transaction: a failure is its REJECTED result, never the batch's. */
    private Result writeAlone(Write write, String author) {
        Candidate candidate = write.candidate;
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(write, author));
        } catch (RuntimeException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof Rejected rejected) {
                return Result.rejected(candidate.key, rejected.errors);
            }
            if (cause instanceof LifecycleException refused) {
                String field = CertificationLifecycle.KIND_FROZEN.equals(refused.reason()) ? write.at + ".kind"
                        : write.at;
                return Result.rejected(candidate.key, List.of(new Problem.FieldError(field, refused.reason(),
                        refused.getMessage())));
            }
            return internal(candidate, e);
        }
    }

    private Result apply(Write write, String author) {
        return write.stored == null ? create(write.candidate.key, write.id, write.desired, author)
                : update(write.candidate.key, write.stored.id, write.desired, author, write.at);
    }

    /** The normalised definition and frameworks, and every rule they break (fields relative to the body). */
    private Desired validated(Candidate candidate, String at, Set<String> knownBranches, Stored stored)
            throws JsonProcessingException {
        DirectoryImportRequest.Item item = candidate.item;
        List<Cpne> cpnes = item.cpnes() == null ? null
                : item.cpnes().stream().map(c -> c == null ? null : new Cpne(c.name(), c.idcc())).toList();
        CertificationDraft draft = CertificationRules.normalise(new CertificationDraft(item.kind(), item.title(),
                cpnes, item.nsfCodes(), item.romeCodes()));
        List<Problem.FieldError> errors = new ArrayList<>();
        add(errors, CertificationRules.validateDefinition(draft, knownBranches::contains), at + ".");

        Map<FrameworkKind, JsonNode> contents = new EnumMap<>(FrameworkKind.class);
        DirectoryImportRequest.Frameworks given = item.frameworks();
        if (given != null) {
            String prefix = at + ".frameworks.";
            ActivityFramework activities = CertificationRules.normalise(given.activities());
            if (activities != null) {
                check(errors, CertificationRules.validateActivities(activities), prefix + "activities",
                        FrameworkKind.ACTIVITIES, activities, contents);
            }
            SkillsFramework skills = CertificationRules.normalise(given.skills());
            if (skills != null) {
                check(errors, CertificationRules.validateSkills(skills), prefix + "skills", FrameworkKind.SKILLS,
                        skills, contents);
            }
            EvaluationFramework evaluation = CertificationRules.normalise(given.evaluation());
            if (evaluation != null) {
                SkillsFramework targets = skills != null ? skills : storedSkills(stored);
                check(errors, CertificationRules.validateEvaluation(evaluation, targets), prefix + "evaluation",
                        FrameworkKind.EVALUATION, evaluation, contents);
            }
        }
        return new Desired(draft, contents, errors);
    }

    private void check(List<Problem.FieldError> errors, List<Violation> violations, String field, FrameworkKind kind,
            Object framework, Map<FrameworkKind, JsonNode> contents) {
        if (violations.isEmpty()) {
            // As FrameworkService stores a PUT body: the normalised record as a tree, so that equal contents compare equal.
            contents.put(kind, json.valueToTree(framework));
        } else {
            add(errors, violations, field + ".");
        }
    }

    private SkillsFramework storedSkills(Stored stored) throws JsonProcessingException {
        JsonNode skills = stored == null ? null : stored.frameworks.get(FrameworkKind.SKILLS);
        return skills == null ? null : json.treeToValue(skills, SkillsFramework.class);
    }

    private static void add(List<Problem.FieldError> errors, List<Violation> violations, String prefix) {
        for (Violation violation : violations) {
            String field = "body".equals(violation.field()) ? prefix.substring(0, prefix.length() - 1)
                    : prefix + violation.field();
            errors.add(new Problem.FieldError(field, violation.rule(), violation.message()));
        }
    }

    /**
     * A new certification, in the order of the API's own life of one: {@code created} (as a draft), one
     * {@code framework-version-added} per framework given, {@code published}; all in this one transaction.
     *
     * <p>Written in one go: the events are made from the state in memory (each with the version the row would have
     * had after that change, one increment per change as when the changes are flushed one by one), then the row, its
     * framework versions and its events are inserted together, in JDBC batches. Flushing after each change would
     * cost an update and two queries per event, for a row no other transaction can see yet.
     */
    private Result create(ImportKey key, UUID id, Desired desired, String author) {
        Certification certification = new Certification();
        certification.id = id;
        CertificationMapper.apply(desired.draft, certification);
        certification.directoryCode = key.directoryCode();
        certification.externalReference = key.externalReference();
        certification.status = CertificationStatus.DRAFT;
        certification.source = Source.DIRECTORY_IMPORT;
        Instant now = clock.instant();
        certification.createdAt = now;
        certification.updatedAt = now;
        certification.createdOn = versions.today();
        certification.version = 0;
        Map<FrameworkKind, FrameworkVersionEntity> latest = new EnumMap<>(FrameworkKind.class);
        events.changedInMemory(certification, CertificationEventType.CREATED, latest);
        List<FrameworkVersionEntity> added = new ArrayList<>();
        for (FrameworkKind kind : FrameworkKind.values()) {
            JsonNode content = desired.frameworks.get(kind);
            if (content != null) {
                FrameworkVersionEntity version = frameworks.firstVersion(certification, kind, content, author);
                added.add(version);
                latest.put(kind, version);
                certification.updatedAt = version.recordedAt;
                certification.version++;
                events.changedInMemory(certification, CertificationEventType.FRAMEWORK_VERSION_ADDED, latest);
            }
        }
        certification.status = CertificationLifecycle.publish(certification.status, desired.frameworks.keySet(),
                certification.kind, certification.source);
        certification.updatedAt = clock.instant();
        certification.version++;
        events.changedInMemory(certification, CertificationEventType.PUBLISHED, latest);
        // Inserted with the version of its last event (Hibernate keeps a positive version given to a new entity).
        certification.persist();
        added.forEach(version -> version.persist());
        return Result.done(key, certification.id, Outcome.CREATED);
    }

    /**
     * Compares again with the row as it is now (it may have changed since the batch was read): {@code updated} when
     * the definition differs, one {@code framework-version-added} per framework whose content differs from its latest
     * version.
     */
    private Result update(ImportKey key, UUID id, Desired desired, String author, String at) {
        Certification certification = Certification.findById(id);
        if (certification == null) {
            throw new IllegalStateException("Certification " + id + " (" + key + ") disappeared during the import");
        }
        Map<FrameworkKind, JsonNode> changed = changedFrameworks(desired.frameworks,
                contents(FrameworkVersionEntity.latestOf(id)));
        boolean definitionChanged = !Stored.of(certification, Map.of()).sameDefinition(desired.draft);
        if (!definitionChanged && changed.isEmpty()) {
            return Result.done(key, id, Outcome.UNCHANGED);
        }
        if (definitionChanged) {
            CertificationLifecycle.checkUpdate(certification.status, certification.kind, desired.draft.kind());
            CertificationMapper.apply(desired.draft, certification);
            certification.updatedAt = clock.instant();
            events.changed(certification, CertificationEventType.UPDATED);
        }
        if (!changed.isEmpty()) {
            CertificationLifecycle.checkFrameworkVersion(certification.status);
            addVersions(certification, changed, author, at);
        }
        return Result.done(key, id, Outcome.UPDATED);
    }

    private void addVersions(Certification certification, Map<FrameworkKind, JsonNode> contents, String author,
            String at) {
        for (FrameworkKind kind : FrameworkKind.values()) {
            JsonNode content = contents.get(kind);
            if (content == null) {
                continue;
            }
            try {
                frameworks.appendVersion(certification, kind, content, null, author);
            } catch (ProblemException e) {
                // effective-date-order: the latest version takes effect after today.
                String field = at + ".frameworks." + kind.pathSegment();
                throw new Rejected(e.problem().errors().stream()
                        .map(error -> new Problem.FieldError(field, error.rule(), error.message())).toList());
            }
        }
    }

    private static Map<FrameworkKind, JsonNode> changedFrameworks(Map<FrameworkKind, JsonNode> desired,
            Map<FrameworkKind, JsonNode> latest) {
        Map<FrameworkKind, JsonNode> changed = new EnumMap<>(FrameworkKind.class);
        desired.forEach((kind, content) -> {
            if (!content.equals(latest.get(kind))) {
                changed.put(kind, content);
            }
        });
        return changed;
    }

    private static Map<FrameworkKind, JsonNode> contents(Map<FrameworkKind, FrameworkVersionEntity> latest) {
        Map<FrameworkKind, JsonNode> contents = new EnumMap<>(FrameworkKind.class);
        latest.forEach((kind, version) -> contents.put(kind, version.content));
        return contents;
    }

    private static Result internal(Candidate candidate, Throwable e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Directory import of %s failed; error id %s", candidate.key, errorId);
        return Result.rejected(candidate.key, List.of(new Problem.FieldError("items[" + candidate.index + "]",
                INTERNAL, "could not be saved (nothing was written for it): quote error id " + errorId
                        + " to the operators, or import it again")));
    }

    private static Throwable unwrap(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Rejected || cause instanceof LifecycleException) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return e;
    }

    // ---------------------------------------------------------------------------------------------------- records

    /** An item read from the body, or its REJECTED result. */
    private record Candidate(int index, ImportKey key, DirectoryImportRequest.Item item, Result rejection) {

        static Candidate rejected(int index, Result rejection) {
            return new Candidate(index, null, null, rejection);
        }
    }

    private record Batch(Set<String> knownBranches, Map<ImportKey, Stored> existing) {
    }

    /**
     * A valid item that changes something: created when nothing is stored under its key, else updated. {@code id} is
     * its certification's: the stored one's, or drawn before the write for a new one (its chunk locks its outbox key).
     */
    private record Write(Candidate candidate, Stored stored, Desired desired, String at, UUID id) {
    }

    /** What an item asks for, normalised; {@code frameworks} holds the given and valid ones only. */
    private record Desired(CertificationDraft draft, Map<FrameworkKind, JsonNode> frameworks,
            List<Problem.FieldError> errors) {
    }

    /** A stored certification as read with the batch: its definition and the content of its latest versions. */
    private record Stored(UUID id, CertificationKind kind, String title, List<Cpne> cpnes, List<String> nsfCodes,
            List<String> romeCodes, Map<FrameworkKind, JsonNode> frameworks) {

        static Stored of(Certification c, Map<FrameworkKind, JsonNode> frameworks) {
            return new Stored(c.id, c.kind, c.title, c.cpnes.stream().map(p -> new Cpne(p.name, p.idcc)).toList(),
                    List.copyOf(c.nsfCodes), List.copyOf(c.romeCodes), frameworks);
        }

        /** Title, kind, CPNEs (in order), NSF and ROME codes (in order) equal. */
        boolean sameDefinition(CertificationDraft draft) {
            return kind == draft.kind() && title.equals(draft.title()) && cpnes.equals(draft.cpnes())
                    && nsfCodes.equals(draft.nsfCodes()) && romeCodes.equals(draft.romeCodes());
        }

        boolean sameAs(Desired desired) {
            return sameDefinition(desired.draft) && changedFrameworks(desired.frameworks, frameworks).isEmpty();
        }
    }

    /** An item refused inside its transaction, which rolls it back. */
    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem.FieldError> errors;

        Rejected(List<Problem.FieldError> errors) {
            super(errors.isEmpty() ? "rejected" : errors.get(0).field() + ": " + errors.get(0).message(), null,
                    false, false);
            this.errors = errors;
        }
    }
}
