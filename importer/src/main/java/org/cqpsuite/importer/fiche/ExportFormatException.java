package org.cqpsuite.importer.fiche;

/**
 * The export as a whole cannot be read (a file that is not XML, a truncated document, a CSV part without its
 * header, a folder without a Standard part...). Unlike a rejected fiche this stops the reading: see
 * {@link FicheSource}.
 */
public class ExportFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExportFormatException(String message) {
        super(message);
    }

    public ExportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
