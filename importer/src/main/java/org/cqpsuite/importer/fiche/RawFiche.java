package org.cqpsuite.importer.fiche;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of one fiche exactly as a reader found them, as strings, before any checking. Both readers fill one and
 * hand it to {@link FicheMapper}, so that the two formats are checked and normalised by the same code and give the
 * same {@link Fiche} for the same content.
 *
 * <p>A mutable carrier between a reader and the mapper, with public fields on purpose; not part of the model. The
 * field names follow the XML V4.1 elements; a {@code null} field was absent.
 */
public final class RawFiche {

    public String idFiche;
    public String numeroFiche;
    public String intitule;
    public String abregeCode;
    public String abregeLibelle;
    public String actif;
    public String etatFiche;
    public String typeEnregistrement;
    public String dateDecision;
    public String dateEffet;
    public String dateFinEnregistrement;
    public String dateLimiteDelivrance;
    public String dureeEnregistrement;
    public String niveau;
    public String activitesVisees;
    public String typeEmploiAccessibles;
    public String capacitesAttestees;

    public final List<Block> blocks = new ArrayList<>();
    public final List<Certificateur> certificateurs = new ArrayList<>();
    public final List<String> idcc = new ArrayList<>();
    public final List<Ccn> ccn = new ArrayList<>();
    public final List<String> nsf = new ArrayList<>();
    public final List<String> rome = new ArrayList<>();
    public final List<String> anciennes = new ArrayList<>();
    public final List<String> nouvelles = new ArrayList<>();

    /**
     * Problems the reader met while collecting the values (a CSV row with the wrong number of fields, an element
     * given twice...). Any problem rejects the fiche.
     */
    public final List<String> problems = new ArrayList<>();

    /** A skills block as read. */
    public static final class Block {
        public String code;
        public String libelle;
        public String listeCompetences;
        public String modalitesEvaluation;
    }

    /** A certifier as read. */
    public static final class Certificateur {
        public String nom;
        public String siret;
    }

    /** A collective agreement ({@code CCN_n}) as read. */
    public static final class Ccn {
        public String numero;
        public String libelle;
    }
}
