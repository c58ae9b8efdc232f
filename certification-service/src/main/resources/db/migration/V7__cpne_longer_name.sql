-- The 2014 orders name CPNEs together with their employers' organisations, in up to 286 characters.
ALTER TABLE certification_cpne ALTER COLUMN name TYPE VARCHAR(500);
