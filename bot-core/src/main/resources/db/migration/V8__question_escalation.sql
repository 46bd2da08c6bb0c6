-- When a question was passed to HR ("Ask HR"): set once, so the button posts to HR once, across restarts.
ALTER TABLE question_log ADD COLUMN escalated_at BIGINT;
