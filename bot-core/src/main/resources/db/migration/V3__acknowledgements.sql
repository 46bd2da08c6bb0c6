-- "I have read the policy" confirmations (written by the announcements feature).

CREATE TABLE acknowledgement (
    id              VARCHAR(32)  NOT NULL PRIMARY KEY,
    person_id       VARCHAR(32)  NOT NULL REFERENCES person (id),
    policy_id       VARCHAR(100) NOT NULL,
    policy_version  VARCHAR(40)  NOT NULL,
    announcement_id VARCHAR(32),
    acknowledged_at BIGINT       NOT NULL,
    CONSTRAINT acknowledgement_once UNIQUE (person_id, policy_id, policy_version)
);
