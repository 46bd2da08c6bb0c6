-- What HR marked as handled on the console's Questions page: a group of unanswered questions (kind 'gap', the
-- subject is the group's example question as shown then) or an "Ask HR" hand-off (kind 'handoff', the subject is
-- its question_log id). Marked once: a second mark of the same subject changes nothing.
CREATE TABLE question_handled (
    kind       VARCHAR(8)   NOT NULL CHECK (kind IN ('gap', 'handoff')),
    subject    TEXT         NOT NULL,
    handled_by VARCHAR(200) NOT NULL,
    handled_at BIGINT       NOT NULL,
    CONSTRAINT question_handled_pk PRIMARY KEY (kind, subject)
);
