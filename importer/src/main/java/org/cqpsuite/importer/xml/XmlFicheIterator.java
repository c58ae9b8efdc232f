package org.cqpsuite.importer.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.cqpsuite.importer.fiche.ExportFormatException;
import org.cqpsuite.importer.fiche.FicheMapper;
import org.cqpsuite.importer.fiche.FicheRejection;
import org.cqpsuite.importer.fiche.FicheResult;
import org.cqpsuite.importer.fiche.FicheSource;
import org.cqpsuite.importer.fiche.RawFiche;

/**
 * The StAX pull loop over one XML V4.1 document: each {@link #next()} reads exactly one {@code FICHE} element into a
 * {@link RawFiche} and maps it, so memory holds one fiche whatever the document's size.
 */
final class XmlFicheIterator implements FicheSource {

    private static final XMLInputFactory FACTORY = createFactory();

    private final InputStream in;
    private final String sourceName;
    private final XMLStreamReader reader;
    private FicheResult next;
    private boolean rootSeen;
    private boolean finished;
    /** The problems of the fiche being read, for the element-level checks made while streaming. */
    private List<String> problems;

    XmlFicheIterator(InputStream in, String sourceName) {
        this.in = in;
        this.sourceName = sourceName;
        try {
            this.reader = FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            closeQuietly();
            throw broken(e);
        }
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // Texts arrive in one piece, and the export has no business declaring entities: refuse DTDs (XXE-safe).
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            next = advance();
        } catch (XMLStreamException e) {
            finished = true;
            throw broken(e);
        }
        if (next == null) {
            finished = true;
        }
        return next != null;
    }

    @Override
    public FicheResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        FicheResult result = next;
        next = null;
        return result;
    }

    @Override
    public void close() {
        finished = true;
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // closing the reader only releases its buffers; the stream is closed below
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written: a failed close loses nothing
        }
    }

    /** Moves to the next {@code FICHE} and reads it; {@code null} at the end of the document. */
    private FicheResult advance() throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            if (!rootSeen) {
                if (!"FICHES".equals(name)) {
                    throw new ExportFormatException(sourceName + ": the root element is <" + name
                            + ">, not <FICHES>: this is not an XML V4.1 export");
                }
                rootSeen = true;
            } else if ("FICHE".equals(name)) {
                return readFiche();
            } else {
                skip(); // VERSION_FLUX, and whatever a later version adds beside the fiches
            }
        }
        if (!rootSeen) {
            throw new ExportFormatException(sourceName + ": no <FICHES> element: this is not an XML V4.1 export");
        }
        return null;
    }

    private FicheResult readFiche() throws XMLStreamException {
        String location = sourceName + " line " + reader.getLocation().getLineNumber();
        RawFiche raw = new RawFiche();
        problems = raw.problems;
        Set<String> seen = new HashSet<>();
        children(name -> {
            switch (name) {
                case "ID_FICHE" -> raw.idFiche = once(name, seen);
                case "NUMERO_FICHE" -> raw.numeroFiche = once(name, seen);
                case "INTITULE" -> raw.intitule = once(name, seen);
                case "ETAT_FICHE" -> raw.etatFiche = once(name, seen);
                case "ACTIF" -> raw.actif = once(name, seen);
                case "TYPE_ENREGISTREMENT" -> raw.typeEnregistrement = once(name, seen);
                case "DATE_DECISION" -> raw.dateDecision = once(name, seen);
                case "DATE_EFFET" -> raw.dateEffet = once(name, seen);
                case "DATE_FIN_ENREGISTREMENT" -> raw.dateFinEnregistrement = once(name, seen);
                case "DATE_LIMITE_DELIVRANCE" -> raw.dateLimiteDelivrance = once(name, seen);
                case "DUREE_ENREGISTREMENT" -> raw.dureeEnregistrement = once(name, seen);
                case "ACTIVITES_VISEES" -> raw.activitesVisees = once(name, seen);
                case "TYPE_EMPLOI_ACCESSIBLES" -> raw.typeEmploiAccessibles = once(name, seen);
                case "CAPACITES_ATTESTEES" -> raw.capacitesAttestees = once(name, seen);
                case "ABREGE" -> children(child -> {
                    switch (child) {
                        case "CODE" -> raw.abregeCode = text(child);
                        case "LIBELLE" -> raw.abregeLibelle = text(child);
                        default -> skip();
                    }
                });
                case "NOMENCLATURE_EUROPE" -> children(child -> {
                    if ("NIVEAU".equals(child)) {
                        raw.niveau = text(child);
                    } else {
                        skip();
                    }
                });
                case "BLOCS_COMPETENCES" -> items("BLOC_COMPETENCES", () -> {
                    RawFiche.Block block = new RawFiche.Block();
                    children(child -> {
                        switch (child) {
                            case "CODE" -> block.code = text(child);
                            case "LIBELLE" -> block.libelle = text(child);
                            case "LISTE_COMPETENCES" -> block.listeCompetences = text(child);
                            case "MODALITES_EVALUATION" -> block.modalitesEvaluation = text(child);
                            default -> skip();
                        }
                    });
                    raw.blocks.add(block);
                });
                case "CERTIFICATEURS" -> items("CERTIFICATEUR", () -> {
                    RawFiche.Certificateur certificateur = new RawFiche.Certificateur();
                    children(child -> {
                        switch (child) {
                            case "NOM_CERTIFICATEUR" -> certificateur.nom = text(child);
                            case "SIRET_CERTIFICATEUR" -> certificateur.siret = text(child);
                            default -> skip();
                        }
                    });
                    raw.certificateurs.add(certificateur);
                });
                case "CODES_NSF" -> codes("NSF", "CODE", raw.nsf);
                case "CODES_ROME" -> codes("ROME", "CODE", raw.rome);
                case "CODES_IDCC" -> codes("IDCC", "CODE", raw.idcc);
                case "CCN_1", "CCN_2", "CCN_3" -> {
                    RawFiche.Ccn ccn = new RawFiche.Ccn();
                    children(child -> {
                        switch (child) {
                            case "NUMERO" -> ccn.numero = text(child);
                            case "LIBELLE" -> ccn.libelle = text(child);
                            default -> skip();
                        }
                    });
                    raw.ccn.add(ccn);
                }
                case "ANCIENNES_CERTIFICATIONS" ->
                        codes("ANCIENNE_CERTIFICATION", "ID_FICHE_ANCIENNE_CERTIFICATION", raw.anciennes);
                case "NOUVELLES_CERTIFICATIONS" ->
                        codes("NOUVELLE_CERTIFICATION", "ID_FICHE_NOUVELLE_CERTIFICATION", raw.nouvelles);
                default -> skip(); // PARTENAIRES, SI_JURY_*, STATISTIQUES_PROMOTIONS...: not used by the suite
            }
        });
        try {
            return new FicheResult.Accepted(FicheMapper.map(raw), location);
        } catch (FicheRejection rejection) {
            return new FicheResult.Rejected(FicheMapper.text(raw.numeroFiche), rejection.reason(), location);
        }
    }

    /** Reads a single-valued element, noting a second occurrence as a problem (which value would be right?). */
    private String once(String name, Set<String> seen) throws XMLStreamException {
        if (!seen.add(name)) {
            problems.add(name + " given twice");
        }
        return text(name);
    }

    /** Reads every {@code <item><code>..</code></item>} child of the current element into {@code target}. */
    private void codes(String item, String code, List<String> target) throws XMLStreamException {
        items(item, () -> children(child -> {
            if (code.equals(child)) {
                target.add(text(child));
            } else {
                skip();
            }
        }));
    }

    /** Calls {@code reader} for each {@code item} child of the current element, skipping any other child. */
    private void items(String item, ElementReader itemReader) throws XMLStreamException {
        children(child -> {
            if (item.equals(child)) {
                itemReader.read();
            } else {
                skip();
            }
        });
    }

    /**
     * Calls the handler for each child element of the current element; returns on the current element's end tag. The
     * handler must consume the child up to and including its end tag.
     */
    private void children(ChildHandler handler) throws XMLStreamException {
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                handler.child(reader.getLocalName());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
        }
    }

    /**
     * The text of the current element, up to its end tag. A child element where text is expected is a problem of the
     * fiche, not of the document: it is noted and skipped, and streaming goes on.
     */
    private String text(String element) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> text.append(reader.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    problems.add(element + " holds an unexpected element <" + reader.getLocalName() + ">");
                    skip();
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                default -> {
                    // comments and processing instructions carry no value
                }
            }
        }
    }

    /** Skips the current element and everything in it, up to its end tag. */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private ExportFormatException broken(XMLStreamException e) {
        Location location = e.getLocation();
        String where = location == null ? ""
                : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
        // The JDK's message repeats the position ("ParseError at [row,col]:[..]\nMessage: ..."): keep the words only.
        String message = String.valueOf(e.getMessage());
        int words = message.indexOf("Message: ");
        if (words >= 0) {
            message = message.substring(words + "Message: ".length());
        }
        return new ExportFormatException(sourceName + " is not well-formed XML" + where + ": " + message, e);
    }

    @FunctionalInterface
    private interface ChildHandler {
        void child(String name) throws XMLStreamException;
    }

    @FunctionalInterface
    private interface ElementReader {
        void read() throws XMLStreamException;
    }
}
