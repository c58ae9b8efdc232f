package org.cqpsuite.certification.framework;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.cqpsuite.certification.domain.FrameworkKind;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One immutable version of one of the three frameworks of a certification. */
@Entity
@Table(name = "framework_version")
public class FrameworkVersionEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "effective_date", nullable = false, updatable = false)
    public LocalDate effectiveDate;

    @Column(nullable = false, updatable = false)
    public String author;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    /** The framework's content as the API shows it (workSituations..., blocks..., items...). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public JsonNode content;

    /** The latest version of each framework kind of each of these certifications, in one query. */
    public static Map<UUID, Map<FrameworkKind, FrameworkVersionEntity>> latestOf(Collection<UUID> certifications) {
        if (certifications.isEmpty()) {
            return Map.of();
        }
        // Aliases are explicit: an unqualified path in the subquery would name the subquery's own entity.
        List<FrameworkVersionEntity> latest = list("from FrameworkVersionEntity f where f.key.certificationId in ?1 "
                + "and f.key.number = (select max(g.key.number) from FrameworkVersionEntity g "
                + "where g.key.certificationId = f.key.certificationId and g.key.kind = f.key.kind)", certifications);
        Map<UUID, Map<FrameworkKind, FrameworkVersionEntity>> byCertification = new HashMap<>();
        for (FrameworkVersionEntity version : latest) {
            byCertification.computeIfAbsent(version.key.certificationId, id -> new EnumMap<>(FrameworkKind.class))
                    .put(version.key.kind, version);
        }
        return byCertification;
    }

    /** The latest version of each framework kind of one certification. */
    public static Map<FrameworkKind, FrameworkVersionEntity> latestOf(UUID certification) {
        return latestOf(List.of(certification)).getOrDefault(certification, Map.of());
    }

    /** Certification, framework kind and version number. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "certification_id", nullable = false)
        public UUID certificationId;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public FrameworkKind kind;

        @Column(nullable = false)
        public int number;

        public Key() {
        }

        public Key(UUID certificationId, FrameworkKind kind, int number) {
            this.certificationId = certificationId;
            this.kind = kind;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && certificationId.equals(key.certificationId) && kind == key.kind
                    && number == key.number;
        }

        @Override
        public int hashCode() {
            return Objects.hash(certificationId, kind, number);
        }
    }
}
