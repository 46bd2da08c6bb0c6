-- Every question asked, and the thumbs up/down people give the answers.

CREATE TABLE question_log (
    id         VARCHAR(32)  NOT NULL PRIMARY KEY,
    person_id  VARCHAR(32)  NOT NULL REFERENCES person (id),
    question   TEXT         NOT NULL,
    language   VARCHAR(16)  NOT NULL,
    answered   BOOLEAN      NOT NULL,
    policy_id  VARCHAR(100),                           -- the top hit, when there was one
    section_id VARCHAR(100),
    confidence DOUBLE PRECISION,
    asked_at   BIGINT       NOT NULL
);

CREATE INDEX question_log_asked ON question_log (asked_at);

CREATE TABLE answer_feedback (
    log_id    VARCHAR(32) NOT NULL REFERENCES question_log (id),
    person_id VARCHAR(32) NOT NULL REFERENCES person (id),
    vote      VARCHAR(4)  NOT NULL CHECK (vote IN ('up', 'down')),
    voted_at  BIGINT      NOT NULL,
    CONSTRAINT answer_feedback_once PRIMARY KEY (log_id, person_id)
);
