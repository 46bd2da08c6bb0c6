-- The audit log: who did what, when. Append-only: the code only ever INSERTs and SELECTs here, and the
-- triggers refuse UPDATE and DELETE (PostgreSQL's form of the SQLite script of the same version); the seq column
-- keeps the order entries were written in.

CREATE TABLE audit_log (
    seq    BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at     BIGINT       NOT NULL,
    actor  VARCHAR(200) NOT NULL,            -- 'slack:U123', 'cli', 'system'
    action VARCHAR(60)  NOT NULL,            -- 'report.export', 'refused', 'role.change', 'roster.import', ...
    target VARCHAR(400) NOT NULL,
    detail TEXT         NOT NULL
);

CREATE INDEX audit_log_at ON audit_log (at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
