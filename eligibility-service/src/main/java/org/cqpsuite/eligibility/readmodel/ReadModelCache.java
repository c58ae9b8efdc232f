package org.cqpsuite.eligibility.readmodel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What {@link ReadModelReader} keeps in memory so that a question costs no database round trip: the certification of
 * each directory code, each certification as the rules read it, and the time of the last applied event. Absences
 * are kept too (an unknown code, a certification not known yet), so a flood of bad codes does not reach the database.
 *
 * <p>It is right only while it hears every change: {@link ReadModelChangeListener} listens to the read model's
 * {@link ReadModelNotifications} and makes it forget what changed. While the listener is not connected (at start, or
 * after the connection was lost) the cache is off: every question reads the database, and the cache starts empty
 * again once listening resumes, since changes may have been missed meanwhile.
 *
 * <p>A value read from the database before a change committed must not be stored after the change was forgotten: a
 * generation number, increased before each forgetting, is compared atomically with the store (inside the map's
 * {@code compute}, which the forgetting of the same key waits for), so such a value is returned but not kept.
 */
@ApplicationScoped
public class ReadModelCache {

    private final Cache<String, Optional<UUID>> idsByCode;
    private final Cache<UUID, Optional<CertificationRecord>> certifications;
    private final long maxCertifications;
    private final AtomicLong generation = new AtomicLong();
    private final Object dataAsOfLock = new Object();
    private volatile boolean active;
    /** {@code null}: not known; an empty optional: no event applied yet. */
    private Optional<Instant> dataAsOf;

    public ReadModelCache(@ConfigProperty(name = "cqp.read-model.cache.certifications") long maxCertifications,
            MeterRegistry registry) {
        this.maxCertifications = maxCertifications;
        this.certifications = Caffeine.newBuilder().maximumSize(maxCertifications).recordStats().build();
        // A code is a few bytes: keep four times more of them, unknown codes included.
        this.idsByCode = Caffeine.newBuilder().maximumSize(4 * maxCertifications).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, certifications, "eligibility-certifications");
        CaffeineCacheMetrics.monitor(registry, idsByCode, "eligibility-codes");
    }

    /** Whether the cache is in use: only while every change is heard. */
    public boolean active() {
        return active;
    }

    /** How many certifications it may hold ({@code cqp.read-model.cache.certifications}). */
    long capacity() {
        return maxCertifications;
    }

    /** Whether it holds fewer certifications than it may: a certification loaded now would not push another out. */
    boolean hasRoom() {
        return certifications.estimatedSize() < maxCertifications;
    }

    /** The generation to pass to the {@code keep} methods: take it before reading the database. */
    long generation() {
        return generation.get();
    }

    /** The cached certification of a code: {@code null} when not cached, an empty optional when known to be none. */
    Optional<UUID> idOf(String code) {
        return idsByCode.getIfPresent(code);
    }

    void keepId(String code, Optional<UUID> id, long readAt) {
        keep(idsByCode, code, id, readAt);
    }

    /** The cached certification: {@code null} when not cached, an empty optional when known not to exist. */
    Optional<CertificationRecord> certification(UUID id) {
        return certifications.getIfPresent(id);
    }

    void keepCertification(UUID id, Optional<CertificationRecord> certification, long readAt) {
        keep(certifications, id, certification, readAt);
    }

    /** The time of the last applied event, read with {@code load} when not known. */
    Optional<Instant> dataAsOf(Supplier<Optional<Instant>> load) {
        if (!active) {
            return load.get();
        }
        long readAt;
        synchronized (dataAsOfLock) {
            if (dataAsOf != null) {
                return dataAsOf;
            }
            readAt = generation.get();
        }
        Optional<Instant> loaded = load.get();
        synchronized (dataAsOfLock) {
            if (generation.get() == readAt) {
                dataAsOf = loaded;
            }
        }
        return loaded;
    }

    /**
     * The time of the last applied event if known in memory: {@code null} when it would need the database (the cache
     * is off, or a change made it forget), an empty optional before the first event.
     */
    Optional<Instant> dataAsOfIfKnown() {
        if (!active) {
            return null;
        }
        synchronized (dataAsOfLock) {
            return dataAsOf;
        }
    }

    private <K, V> void keep(Cache<K, V> cache, K key, V value, long readAt) {
        if (active) {
            cache.asMap().compute(key, (k, old) -> generation.get() == readAt ? value : old);
        }
    }

    /** Forgets one certification and the codes it had before and after its change. */
    void forget(UUID certificationId, Iterable<String> codes) {
        synchronized (dataAsOfLock) {
            generation.incrementAndGet();
            dataAsOf = null;
        }
        certifications.invalidate(certificationId);
        codes.forEach(idsByCode::invalidate);
    }

    /** Forgets what {@link ReadModelNotifications} payloads name, and says what that was. */
    public Forgotten forgetAnnounced(Iterable<String> payloads) {
        Set<UUID> changed = new LinkedHashSet<>();
        boolean everything = false;
        for (String payload : payloads) {
            ReadModelNotifications.Change change = ReadModelNotifications.Change.parse(payload);
            if (change == null) {
                forgetAll();
                everything = true;
            } else {
                forget(change.certificationId(), change.codes());
                changed.add(change.certificationId());
            }
        }
        return new Forgotten(everything, changed);
    }

    /**
     * What {@link #forgetAnnounced} forgot.
     *
     * @param everything the whole read model changed (a rebuild)
     * @param certifications the certifications that changed
     */
    public record Forgotten(boolean everything, Set<UUID> certifications) {
    }

    /** Forgets everything. */
    void forgetAll() {
        synchronized (dataAsOfLock) {
            generation.incrementAndGet();
            dataAsOf = null;
        }
        certifications.invalidateAll();
        idsByCode.invalidateAll();
    }

    /** Turns the cache on, empty: every change from now on will be heard. */
    void listening() {
        forgetAll();
        active = true;
    }

    /** Turns the cache off: changes may be missed from now on. */
    void deaf() {
        active = false;
        forgetAll();
    }
}
