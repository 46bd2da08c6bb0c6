-- Deliveries already handled (platform event ids, button presses, interactions), shared by every process on the
-- database so a platform's retry that reaches another replica is answered once. Rows older than the dedupe window
-- are deleted by the application.
CREATE TABLE seen_event (
    event_key VARCHAR(300) NOT NULL PRIMARY KEY,  -- 'slack:Ev123', 'discord:interaction:987...'
    seen_at   BIGINT       NOT NULL
);

CREATE INDEX seen_event_seen ON seen_event (seen_at);
