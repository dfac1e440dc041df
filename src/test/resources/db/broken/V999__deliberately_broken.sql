-- A migration that fails half-way, for SchemaMigrationIT only (never in the WAR that ships):
-- the table it creates first must not survive the failure.
CREATE TABLE half_done (id INT);
SELECT no_such_column FROM users;
