package org.cqpsuite.eligibility.readmodel;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps {@link ReadModelCache} right: one connection of its own listens to the read model's
 * {@link ReadModelNotifications} (sent by whichever instance applied the change, this one or another sharing the
 * database) and makes the cache forget each changed certification. The cache is on only while this listener is
 * connected; a lost connection turns it off until the listener is back (retried every second). It tells
 * {@link ReadModelCacheFiller} when the cache turns on and what each change made it forget.
 */
@ApplicationScoped
public class ReadModelChangeListener {

    private static final Logger LOG = Logger.getLogger(ReadModelChangeListener.class);
    /** How long to wait for notifications before checking that the connection is alive. */
    private static final int WAIT_MILLIS = 5_000;

    private final AgroalDataSource dataSource;
    private final ReadModelCache cache;
    private final ReadModelCacheFiller filler;
    private final boolean enabled;
    private volatile boolean running;
    private volatile Thread thread;

    public ReadModelChangeListener(AgroalDataSource dataSource, ReadModelCache cache, ReadModelCacheFiller filler,
            @ConfigProperty(name = "cqp.read-model.cache.enabled") boolean enabled) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.filler = filler;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            LOG.info("The read model cache is disabled (cqp.read-model.cache.enabled=false): every question reads "
                    + "the database");
            return;
        }
        running = true;
        Thread listener = new Thread(this::listen, "read-model-change-listener");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        Duration pause = Duration.ofSeconds(1);
        boolean failed = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ReadModelNotifications.CHANNEL);
                }
                cache.listening();
                filler.fillAll();
                if (failed) {
                    // Says when the outage warned about below is over (an operator's question after a failover).
                    LOG.info("Listening to the read model's changes again: the cache is on");
                    failed = false;
                } else {
                    LOG.debug("Listening to the read model's changes: the cache is on");
                }
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications == null || notifications.length == 0) {
                        // Quiet: make sure the connection is still there (a silent network loss would hide changes).
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("SELECT 1");
                        }
                        continue;
                    }
                    List<String> payloads = new ArrayList<>(notifications.length);
                    for (PGNotification notification : notifications) {
                        payloads.add(notification.getParameter());
                    }
                    filler.forgot(cache.forgetAnnounced(payloads));
                }
            } catch (SQLException | RuntimeException e) {
                cache.deaf();
                if (running) {
                    failed = true;
                    LOG.warnf("Not listening to the read model's changes (%s): the cache is off, retrying in %d s",
                            e.getMessage(), pause.toSeconds());
                    sleep(pause);
                }
            }
        }
        cache.deaf();
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
