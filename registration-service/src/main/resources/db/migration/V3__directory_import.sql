-- Directory import (POST /directory-imports/registrations): registrations found in France compétences' RNCP/RS exports.

-- A transmission inferred from a directory import has no acknowledgement reference (the API still requires one).
ALTER TABLE transmission ALTER COLUMN reference DROP NOT NULL;

-- The certification's kind as certification-service gave it when the import last checked it (null until an import
-- does): CQP and CQPI are transmitted, OTHER never; re-imports compare it instead of asking certification-service again.
ALTER TABLE registered_certification ADD COLUMN kind VARCHAR(8) CHECK (kind IN ('CQP', 'CQPI', 'OTHER'));
