package org.cqpsuite.eligibility.consumption;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The sequence number of the last event applied to the read model, per certification and topic. Events carry a
 * per-certification sequence number: one at or below this one is a duplicate or arrived late and changes nothing.
 */
@Entity
@Table(name = "applied_event")
public class AppliedEvent extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public long sequence;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt = Instant.now();

    /** Topic and certification. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(nullable = false)
        public String topic;

        @Column(name = "certification_id", nullable = false)
        public UUID certificationId;

        public Key() {
        }

        public Key(String topic, UUID certificationId) {
            this.topic = topic;
            this.certificationId = certificationId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && topic.equals(key.topic) && certificationId.equals(key.certificationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(topic, certificationId);
        }
    }
}
