-- Real directory titles are longer than 300 characters (RNCP15412: 554): titles may have up to 1 000.
ALTER TABLE certification ALTER COLUMN title TYPE VARCHAR(1000);
