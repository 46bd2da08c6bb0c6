-- A claimed ('sending') row belongs to its claimer until lease_until (epoch millis); after that another process
-- sharing the database may take it over (the claimer died mid-send).
ALTER TABLE outbox_message ADD COLUMN lease_until BIGINT;
