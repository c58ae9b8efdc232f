package org.cqpsuite.certification.branch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
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

    /** Légifrance state of the agreement: VIGUEUR_ETEN, VIGUEUR_NON_ETEN, MODIFIE, REMPLACE, PERIME, ABROGE. */
    @Column(name = "legal_state", nullable = false)
    public String legalState;

    /** Légifrance KALICONT identifier of the agreement. */
    @Column(name = "kali_id")
    public String kaliId;
}
