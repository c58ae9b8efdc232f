package org.cqpsuite.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Test-only business entity: what a service changes in the transaction that appends the event. */
@Entity
@Table(name = "test_certification")
public class TestCertification extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String id;

    @Column(nullable = false)
    public String label;

    /** Incremented at each change: the event's sequence. */
    @Column(nullable = false)
    public long version;
}
