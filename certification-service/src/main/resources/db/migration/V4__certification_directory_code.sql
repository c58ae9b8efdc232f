-- The code of a certification in France compétences' directories (RNCP34486, RS5012), set by the directory import
-- (POST /directory-imports/certifications), which is keyed by it. NULL for certifications written through the API.
-- UNIQUE allows any number of NULLs; its index is the one the import reads a batch's certifications through.
ALTER TABLE certification ADD COLUMN directory_code VARCHAR(16)
    CONSTRAINT certification_directory_code_uq UNIQUE
    CONSTRAINT certification_directory_code_check CHECK (directory_code ~ '^(RNCP[0-9]{3,5}|RS[0-9]{1,6})$');
