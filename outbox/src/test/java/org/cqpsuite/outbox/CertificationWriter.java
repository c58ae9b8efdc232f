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

    /**
     * A burst in one transaction: each key created, then renamed {@code renames} times, the keys interleaved (as a
     * batch import writes many aggregates and several events each); returns the rows in append order.
     */
    @Transactional
    public java.util.List<OutboxEvent> burst(java.util.List<String> keys, int renames) {
        java.util.List<OutboxEvent> rows = new java.util.ArrayList<>();
        for (String key : keys) {
            rows.add(create(key, "Certification " + key));
        }
        for (int i = 1; i <= renames; i++) {
            for (String key : keys) {
                rows.add(rename(key, "Certification " + key + " renamed " + i));
            }
        }
        return rows;
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
