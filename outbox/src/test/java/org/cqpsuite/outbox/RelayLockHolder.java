package org.cqpsuite.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * "Another instance" in the middle of a relay transaction: holds the relay lock on its own thread until closed, so
 * that no relay of the application publishes anything meanwhile.
 */
final class RelayLockHolder implements AutoCloseable {

    private final CountDownLatch locked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    private RelayLockHolder() {
        thread = new Thread(() -> {
            try {
                QuarkusTransaction.requiringNew().timeout(120).run(() -> {
                    OutboxEvent.getEntityManager()
                            .createNativeQuery("SELECT true FROM pg_advisory_xact_lock(:key)")
                            .setParameter("key", OutboxPublisher.RELAY_LOCK_KEY)
                            .getSingleResult();
                    locked.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Throwable e) {
                failure.set(e);
                locked.countDown();
            }
        }, "other-instance-relay-lock");
        thread.start();
    }

    /** Returns once the lock is held (a relay batch in progress may have to finish first). */
    static RelayLockHolder take() throws InterruptedException {
        RelayLockHolder holder = new RelayLockHolder();
        if (!holder.locked.await(20, TimeUnit.SECONDS) || holder.failure.get() != null) {
            holder.close();
            throw new IllegalStateException("could not take the relay lock", holder.failure.get());
        }
        return holder;
    }

    @Override
    public void close() throws InterruptedException {
        release.countDown();
        thread.join(10_000);
    }
}
