-- The key of a certification that is not in France compétences' directory exports but in an official order (arrêté)
-- that registered it in the RNCP without giving its RNCP code, e.g. arrete-2014-01-20/ETSD1401196A#3. Set by the
-- directory import (POST /directory-imports/certifications) for an item keyed by externalReference instead of
-- directoryCode; NULL otherwise. Compared exactly (case kept). UNIQUE allows any number of NULLs; its index is the one
-- the import reads a batch's certifications through.
ALTER TABLE certification ADD COLUMN external_reference VARCHAR(100)
    CONSTRAINT certification_external_reference_uq UNIQUE
    CONSTRAINT certification_external_reference_check
        CHECK (external_reference ~ '^[A-Za-z0-9][A-Za-z0-9:._/#-]*$');
-- An imported certification is keyed by its directory code or by an external reference, never both.
ALTER TABLE certification ADD CONSTRAINT certification_one_import_key_check
    CHECK (directory_code IS NULL OR external_reference IS NULL);
