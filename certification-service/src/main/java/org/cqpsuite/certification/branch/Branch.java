package org.cqpsuite.certification.branch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/**
 * A professional branch (branche professionnelle), identified by the IDCC code of its collective agreement
 * (identifiant de convention collective, 4 digits, zero-padded).
 */
@Entity
@Table(name = "branch")
public class Branch extends PanacheEntityBase {

    @Id
    @Column(length = 4)
    public String idcc;

    @Column(nullable = false)
    public String label;

    /**
     * Légifrance states of the agreement, {@code |}-separated (VIGUEUR_ETEN, VIGUEUR_NON_ETEN, MODIFIE, REMPLACE,
     * PERIME, ABROGE, DENONCE), or null when the list does not say.
     */
    @Column(name = "legal_state")
    public String legalState;

    /** Légifrance KALICONT identifier of the agreement. */
    @Column(name = "kali_id")
    public String kaliId;

    /** Whether the agreement is in force (en vigueur), extended or not; null when the list does not say. */
    @Column(name = "in_force")
    public Boolean inForce;

    /** Full Légifrance title of the agreement. */
    public String title;

    /** The agreement's page on Légifrance. */
    public String url;

    /** The label folded for search (lower case, no accents). */
    @Column(name = "search_text", nullable = false)
    public String searchText;

    @PrePersist
    @PreUpdate
    void foldLabel() {
        searchText = BranchList.fold(label);
    }
}
