package org.cqpsuite.certification.certification;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A CPNE named by a certification (commission paritaire nationale de l'emploi), and its branch. */
@Embeddable
public class CpneEntry {

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, length = 4)
    public String idcc;

    public CpneEntry() {
    }

    public CpneEntry(String name, String idcc) {
        this.name = name;
        this.idcc = idcc;
    }
}
