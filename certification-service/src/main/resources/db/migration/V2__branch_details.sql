-- What the Légifrance list says of each agreement: whether it is in force (unknown for about half of the list, so
-- nullable), its legal states (several, '|'-separated, or none), its full title and its page.
ALTER TABLE branch ALTER COLUMN legal_state TYPE TEXT;
ALTER TABLE branch ALTER COLUMN legal_state DROP NOT NULL;
ALTER TABLE branch ADD COLUMN in_force BOOLEAN;
ALTER TABLE branch ADD COLUMN title TEXT;
ALTER TABLE branch ADD COLUMN url TEXT;
-- The label in lower case without accents, so that "metallurgie" finds "Métallurgie".
ALTER TABLE branch ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE INDEX branch_in_force_idx ON branch (in_force);
