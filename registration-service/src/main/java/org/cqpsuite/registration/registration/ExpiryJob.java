package org.cqpsuite.registration.registration;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Expires registrations the day after their end date, and publishes each expiry once: every instance runs the job,
 * but each expiry locks its certification's row and re-checks the status, so a registration already expired by
 * another instance (or before a restart) is left alone.
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    private final RegistrationService registrations;

    ExpiryJob(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @Scheduled(every = "${cqp.expiry.every}", delayed = "${cqp.expiry.first-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Expires every registration due today; returns how many this run expired. */
    public int run() {
        int expired = 0;
        for (UUID id : registrations.dueForExpiry()) {
            try {
                if (registrations.expireIfDue(id)) {
                    expired++;
                }
            } catch (RuntimeException e) {
                // One registration failing (e.g. a concurrent change) must not stop the others: retried next run.
                LOG.warnf("Could not expire registration %s: %s", id, e.toString());
            }
        }
        if (expired > 0) {
            LOG.infof("Expired %d registration(s) whose end date has passed", expired);
        }
        return expired;
    }
}
