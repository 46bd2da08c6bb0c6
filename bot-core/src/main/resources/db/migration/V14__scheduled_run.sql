-- Scheduled work that must run once per period however many replicas share the database (the retention purge):
-- the replica whose INSERT of (job, period) succeeds runs it, the others find the row and skip.
CREATE TABLE scheduled_run (
    job        VARCHAR(100) NOT NULL,  -- 'retention.questions'
    period     VARCHAR(40)  NOT NULL,  -- '2026-12-02' (a day)
    claimed_at BIGINT       NOT NULL,
    CONSTRAINT scheduled_run_once PRIMARY KEY (job, period)
);
