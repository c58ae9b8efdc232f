-- Registrations known from an official order (an arrêté published in the Journal officiel, e.g. of 20 January 2014)
-- that does not give their directory code: the order, as the directory importer gives it (event contract 1.2,
-- legalBasis). Any registered entry may carry one; one without code must.
ALTER TABLE registration ADD COLUMN legal_basis VARCHAR(300);
ALTER TABLE registration ADD CONSTRAINT registration_code_or_legal_basis
    CHECK (code IS NOT NULL OR legal_basis IS NOT NULL OR status IN ('REQUESTED', 'REFUSED', 'WITHDRAWN'));
ALTER TABLE registration ADD CONSTRAINT registration_legal_basis_registered
    CHECK (legal_basis IS NULL OR status NOT IN ('REQUESTED', 'REFUSED'));
-- The directory import's key of a registration without code: its certification, directory and legal basis.
CREATE UNIQUE INDEX registration_legal_basis_uq ON registration (certification_id, directory, legal_basis)
    WHERE code IS NULL AND legal_basis IS NOT NULL;
