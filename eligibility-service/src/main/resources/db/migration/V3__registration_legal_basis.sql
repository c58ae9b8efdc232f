-- A registration known from an official order that does not give its RNCP code names that order instead.
ALTER TABLE registration ADD COLUMN legal_basis TEXT;
