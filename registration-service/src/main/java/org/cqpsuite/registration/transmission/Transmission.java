package org.cqpsuite.registration.transmission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of the transmission history of a certification to France compétences (transmission à France
 * compétences, article L6113-4): from {@link #transmittedOn} the CQP exists legally. Never updated: a correction is a
 * new entry.
 */
@Entity
@Table(name = "transmission")
public class Transmission extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "certification_id", nullable = false, updatable = false)
    public UUID certificationId;

    @Column(name = "transmitted_on", nullable = false, updatable = false)
    public LocalDate transmittedOn;

    /** France compétences' reference; {@code null} for an inferred transmission (the API requires one). */
    @Column(updatable = false)
    public String reference;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt = Instant.now();

    @Column(name = "recorded_by", updatable = false)
    public String recordedBy;

    /** True when inferred from a directory import (a CQP found registered was necessarily transmitted). */
    @Column(nullable = false, updatable = false)
    public boolean inferred;
}
