-- Training sessions (quizzes and role-plays), each recorded answer, and completions.

CREATE TABLE training_session (
    id             VARCHAR(32)  NOT NULL PRIMARY KEY,
    person_id      VARCHAR(32)  NOT NULL REFERENCES person (id),
    module         VARCHAR(140) NOT NULL,            -- 'quiz' or 'roleplay:<scenario-id>'
    policy_id      VARCHAR(100) NOT NULL,
    policy_version VARCHAR(40)  NOT NULL,
    language       VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL CHECK (status IN ('active', 'finished', 'abandoned')),
    state          TEXT         NOT NULL,            -- the session's plan as JSON (question order, option order...)
    started_at     BIGINT       NOT NULL,
    updated_at     BIGINT       NOT NULL,
    finished_at    BIGINT
);

-- One active session per person, whatever the process or thread that starts it.
CREATE UNIQUE INDEX training_session_one_active ON training_session (person_id) WHERE status = 'active';
CREATE INDEX training_session_person ON training_session (person_id, started_at);

CREATE TABLE training_answer (
    session_id  VARCHAR(32)  NOT NULL REFERENCES training_session (id),
    item_index  INTEGER      NOT NULL,               -- question number or role-play step number, from 0
    item_id     VARCHAR(100) NOT NULL,               -- question id or step id
    choice      INTEGER      NOT NULL,               -- the option or choice, as numbered in the content file
    correct     BOOLEAN      NOT NULL,               -- right option, or a best choice
    answered_at BIGINT       NOT NULL,
    -- A replayed press (same session, same question) can never be counted twice.
    CONSTRAINT training_answer_once PRIMARY KEY (session_id, item_index)
);

CREATE TABLE training_completion (
    id             VARCHAR(32)  NOT NULL PRIMARY KEY,
    person_id      VARCHAR(32)  NOT NULL REFERENCES person (id),
    session_id     VARCHAR(32)  NOT NULL UNIQUE REFERENCES training_session (id),
    module         VARCHAR(140) NOT NULL,
    policy_id      VARCHAR(100) NOT NULL,
    policy_version VARCHAR(40)  NOT NULL,
    correct        INTEGER      NOT NULL,
    total          INTEGER      NOT NULL CHECK (total > 0 AND correct >= 0 AND correct <= total),
    passed         BOOLEAN      NOT NULL,
    completed_at   BIGINT       NOT NULL
);

CREATE INDEX training_completion_person ON training_completion (person_id, policy_id, completed_at);
CREATE INDEX training_completion_policy ON training_completion (policy_id, policy_version);
