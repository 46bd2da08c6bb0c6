-- No query reads training sessions by (person, start time): the active session is found through the partial unique
-- index training_session_one_active. The index only cost a b-tree insert per session and ~35 bytes per quiz.

DROP INDEX training_session_person;
