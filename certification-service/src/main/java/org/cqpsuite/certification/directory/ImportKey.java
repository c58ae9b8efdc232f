package org.cqpsuite.certification.directory;

/**
 * What the directory import finds a certification by: its directory code ({@code RNCP34486}) or, for a certification
 * of an official order without RNCP code, its external reference ({@code arrete-2014-01-20/ETSD1401196A#3}); exactly
 * one of the two, normalised and valid. The two are distinct keys even when their text is the same.
 */
record ImportKey(String directoryCode, String externalReference) {

    ImportKey {
        if ((directoryCode == null) == (externalReference == null)) {
            throw new IllegalArgumentException("exactly one of directoryCode and externalReference: " + directoryCode
                    + ", " + externalReference);
        }
    }

    static ImportKey ofDirectoryCode(String code) {
        return new ImportKey(code, null);
    }

    static ImportKey ofExternalReference(String reference) {
        return new ImportKey(null, reference);
    }

    /** The field of an item that holds this key. */
    String field() {
        return directoryCode != null ? "directoryCode" : "externalReference";
    }

    @Override
    public String toString() {
        return directoryCode != null ? directoryCode : "externalReference " + externalReference;
    }
}
