-- Published policy versions (with every section's text hash per language), announcements, their outbox.

CREATE TABLE policy_version (
    policy_id    VARCHAR(100) NOT NULL,
    version      VARCHAR(40)  NOT NULL,
    seq          INTEGER      NOT NULL,            -- publication order within the policy, from 1
    effective_on VARCHAR(10),
    fingerprint  VARCHAR(64)  NOT NULL,            -- hash of every section hash: equal text, equal fingerprint
    published_at BIGINT       NOT NULL,
    CONSTRAINT policy_version_pk PRIMARY KEY (policy_id, version),
    CONSTRAINT policy_version_seq UNIQUE (policy_id, seq)
);

CREATE TABLE policy_section_version (
    policy_id  VARCHAR(100) NOT NULL,
    version    VARCHAR(40)  NOT NULL,
    language   VARCHAR(16)  NOT NULL,
    section_id VARCHAR(100) NOT NULL,
    position   INTEGER      NOT NULL,
    title      VARCHAR(300) NOT NULL,
    summary    TEXT         NOT NULL,              -- the section's one-line "in short" answer
    text_hash  VARCHAR(64)  NOT NULL,
    CONSTRAINT policy_section_version_pk PRIMARY KEY (policy_id, version, language, section_id)
);

CREATE TABLE announcement (
    id           VARCHAR(32)  NOT NULL PRIMARY KEY,
    policy_id    VARCHAR(100) NOT NULL,
    version      VARCHAR(40)  NOT NULL,
    base_version VARCHAR(40),                      -- the version compared against
    due_on       VARCHAR(10)  NOT NULL,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('draft', 'confirmed', 'cancelled')),
    created_by   VARCHAR(32)  REFERENCES person (id),
    created_at   BIGINT       NOT NULL,
    confirmed_at BIGINT
);

-- A version is announced once, whoever presses confirm and however often.
CREATE UNIQUE INDEX announcement_once ON announcement (policy_id, version) WHERE status = 'confirmed';

-- One row per message to send. The idempotency key (announcement id + recipient) makes enqueueing idempotent.
CREATE TABLE outbox_message (
    idempotency_key   VARCHAR(200) NOT NULL PRIMARY KEY,
    announcement_id   VARCHAR(32)  NOT NULL REFERENCES announcement (id),
    kind              VARCHAR(16)  NOT NULL CHECK (kind IN ('channel', 'announce', 'remind', 'overdue', 'manager')),
    platform          VARCHAR(32)  NOT NULL,
    recipient         VARCHAR(128) NOT NULL,        -- platform user id, or the channel role
    person_id         VARCHAR(32),                  -- who the message is about (the manager's report for 'manager')
    language          VARCHAR(16)  NOT NULL,
    status            VARCHAR(16)  NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
    attempts          INTEGER      NOT NULL,
    next_attempt_at   BIGINT       NOT NULL,
    message_ref       VARCHAR(200),
    last_error        VARCHAR(500),
    created_at        BIGINT       NOT NULL,
    updated_at        BIGINT       NOT NULL
);

CREATE INDEX outbox_message_due ON outbox_message (platform, status, next_attempt_at);
CREATE INDEX outbox_message_announcement ON outbox_message (announcement_id, kind, status);

-- Which platform an "I have read it" came from.
ALTER TABLE acknowledgement ADD COLUMN platform VARCHAR(32);
