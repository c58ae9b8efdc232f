package org.cqpsuite.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** How a service uses the outbox: the change and {@link Outbox#append} in one {@code @Transactional} method. */
@ApplicationScoped
public class CertificationWriter {

    static final String CREATED = "org.cqpsuite.test.certification.created.v1";
    static final String RENAMED = "org.cqpsuite.test.certification.renamed.v1";

    private final Outbox outbox;

    public CertificationWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public OutboxEvent create(String id, String label) {
        TestCertification certification = new TestCertification();
        certification.id = id;
        certification.label = label;
        certification.version = 1;
        certification.persist();
        return outbox.append(NewEvent.of(id, CREATED, certification.version, json(certification)));
    }

    @Transactional
    public OutboxEvent rename(String id, String label) {
        TestCertification certification = TestCertification.findById(id);
        certification.label = label;
        certification.version++;
        return outbox.append(NewEvent.of(id, RENAMED, certification.version, json(certification)));
    }

    /** Writes the change and its event, then fails: both must be rolled back. */
    @Transactional
    public void createThenFail(String id, String label) {
        create(id, label);
        throw new IllegalStateException("a business rule failed after the event was appended");
    }

    static String json(TestCertification certification) {
        return "{\"id\":\"" + certification.id + "\",\"label\":\"" + certification.label + "\",\"version\":"
                + certification.version + "}";
    }
}
