package org.cqpsuite.eligibility.readmodel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the read model into {@link ReadModelCache} ahead of the questions, so that the first question about a code
 * is answered from memory too, not only the ones after it: the whole read model (page by page, in id order) each time
 * the cache turns on, then each certification that changes, right after the change made the cache forget it. Only
 * when the whole read model fits in the cache ({@code cqp.read-model.cache.certifications}): otherwise an arbitrary
 * part of it would take the memory and the room of the certifications actually asked about, so the cache is left to
 * the questions (each certification read from the database on its first question, least useful out first).
 *
 * <p>It only ever adds what a question would have read: a page read while a change was announced is read again
 * later (after a pause, so that a burst of events, a rebuild's, is not read over and over), never kept old.
 */
@ApplicationScoped
public class ReadModelCacheFiller {

    private static final Logger LOG = Logger.getLogger(ReadModelCacheFiller.class);
    /** Certifications per page: five statements each (ids, certifications, registrations, codes, dataAsOf). */
    static final int PAGE = 1_000;
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LONGEST_PAUSE_MILLIS = 2_000;

    private final ReadModelReader reader;
    private final ReadModelCache cache;
    private final boolean enabled;
    private final Object lock = new Object();
    /** Changed certifications to load, oldest change first. Guarded by {@link #lock}. */
    private final Set<UUID> changed = new LinkedHashSet<>();
    /** Whether the walk through the read model is to do, and whether from its first page. Guarded by {@link #lock}. */
    private boolean walk;
    private boolean walkFromStart;
    /** Whether the cache holds the whole read model as far as this knows, or is left to the questions. */
    private volatile boolean complete;
    /** Whether the cache is to hold the whole read model: as found at the start of the last walk. */
    private volatile boolean wanted;
    private volatile boolean loggedTooLarge;
    /** How many certifications the last walk through the read model loaded. */
    private volatile int lastWalk;
    private volatile boolean running;
    private volatile Thread thread;

    public ReadModelCacheFiller(ReadModelReader reader, ReadModelCache cache, MeterRegistry registry,
            @ConfigProperty(name = "cqp.read-model.cache.enabled") boolean cacheEnabled,
            @ConfigProperty(name = "cqp.read-model.cache.fill") boolean fill) {
        this.reader = reader;
        this.cache = cache;
        this.enabled = cacheEnabled && fill;
        Gauge.builder("cqp.read-model.cache.fill.complete", this, filler -> filler.complete() ? 1 : 0)
                .description("1 when the read model cache holds the whole read model (or as much as fits) and no "
                        + "changed certification waits to be loaded into it, 0 while it is being filled or is off")
                .register(registry);
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        running = true;
        Thread filler = new Thread(this::run, "read-model-cache-filler");
        filler.setDaemon(true);
        thread = filler;
        filler.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        Thread filler = thread;
        if (filler != null) {
            filler.interrupt();
        }
    }

    /** Whether the cache holds all it can of the read model and nothing waits to be loaded. */
    public boolean complete() {
        return complete && cache.active();
    }

    /** How many certifications the last complete walk through the read model loaded. */
    int lastWalk() {
        return lastWalk;
    }

    /** The cache has just turned on, empty: load the whole read model again. */
    void fillAll() {
        if (!enabled) {
            return;
        }
        synchronized (lock) {
            changed.clear();
            walk = true;
            walkFromStart = true;
            complete = false;
            lock.notifyAll();
        }
    }

    /**
     * The cache has just forgotten these: load them again if it is to hold the whole read model and has room
     * (everything again after a rebuild).
     */
    void forgot(ReadModelCache.Forgotten forgotten) {
        if (!enabled) {
            return;
        }
        if (forgotten.everything()) {
            fillAll();
            return;
        }
        if (forgotten.certifications().isEmpty() || !wanted || !cache.hasRoom()) {
            return;
        }
        synchronized (lock) {
            changed.addAll(forgotten.certifications());
            complete = false;
            lock.notifyAll();
        }
    }

    private void run() {
        long pause = 0;
        UUID walkedTo = null;
        long walkStarted = 0;
        int walked = 0;
        while (running) {
            List<UUID> batch = new ArrayList<>();
            boolean walking;
            synchronized (lock) {
                while (running && (!cache.active() || changed.isEmpty() && !walk)) {
                    if (cache.active()) {
                        complete = true;
                    } else {
                        // Off: it will be filled again from the start when it turns on (fillAll).
                        changed.clear();
                        walk = false;
                        complete = false;
                    }
                    waitForWork();
                }
                if (!running) {
                    return;
                }
                // Changes first: they are what was just asked about, or will be.
                walking = changed.isEmpty();
                if (walking && walkFromStart) {
                    walkFromStart = false;
                    walkedTo = null;
                    walked = 0;
                    walkStarted = System.nanoTime();
                }
                for (Iterator<UUID> ids = changed.iterator(); ids.hasNext() && batch.size() < PAGE; ) {
                    batch.add(ids.next());
                    ids.remove();
                }
            }
            try {
                if (walking && walkedTo == null && walked == 0 && !fits()) {
                    endWalk(0, walkStarted);
                    continue;
                }
                if (walking) {
                    batch = cache.hasRoom() ? reader.certificationIdsAfter(walkedTo, PAGE) : List.of();
                    if (batch.isEmpty()) {
                        endWalk(walked, walkStarted);
                        continue;
                    }
                }
                if (reader.fill(batch)) {
                    pause = 0;
                    if (walking) {
                        walkedTo = batch.get(batch.size() - 1);
                        walked += batch.size();
                    }
                } else {
                    requeue(walking, batch);
                    pause = pause == 0 ? FIRST_PAUSE_MILLIS : Math.min(2 * pause, LONGEST_PAUSE_MILLIS);
                    sleep(pause);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // The database is away (the listener turns the cache off meanwhile): try again later.
                LOG.debugf(e, "Could not load the read model into its cache; trying again");
                requeue(walking, batch);
                pause = LONGEST_PAUSE_MILLIS;
                sleep(pause);
            }
        }
    }

    /**
     * Whether the read model fits in the cache; when not, the cache is left to the questions (logged the first time,
     * and each time after it fitted).
     */
    private boolean fits() {
        long certifications = reader.certificationCount();
        boolean fits = certifications <= cache.capacity();
        if (!fits && (wanted || !loggedTooLarge)) {
            LOG.infof("The read model holds %d certifications, more than its cache (cqp.read-model.cache.certifications"
                    + "=%d): not loaded ahead; each is read from the database on its first question", certifications,
                    cache.capacity());
            loggedTooLarge = true;
        }
        wanted = fits;
        return fits;
    }

    private void endWalk(int walked, long started) {
        synchronized (lock) {
            if (walkFromStart) {
                return; // the cache turned on again meanwhile: walk again
            }
            walk = false;
        }
        lastWalk = walked;
        if (!wanted) {
            return;
        }
        if (cache.hasRoom()) {
            LOG.infof("The read model cache holds the read model: %d certifications loaded in %d ms", walked,
                    (System.nanoTime() - started) / 1_000_000);
        } else {
            // The read model grew past the cache during the walk.
            LOG.infof("The read model cache is full after %d certifications (cqp.read-model.cache.certifications): "
                    + "the others are read from the database when first asked about", walked);
        }
    }

    private void requeue(boolean walking, List<UUID> batch) {
        if (walking) {
            return; // the walk reads the same page again
        }
        synchronized (lock) {
            changed.addAll(batch);
        }
    }

    private void waitForWork() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
