-- A change stamp for reports: any write that can change a training report (people, training, acknowledgements,
-- versions, announcements) adds one to it, by trigger, in the writer's own transaction. A report computed at
-- stamp N is reused while the stamp is still N (and the day and the content are the same), on every replica,
-- because the stamp is in the shared database. Writes that cannot change a report (a quiz's answers, its
-- state between questions, deliveries) leave it alone.
CREATE TABLE report_stamp (
    id    INTEGER NOT NULL PRIMARY KEY,
    stamp BIGINT  NOT NULL
);

INSERT INTO report_stamp (id, stamp) VALUES (1, 0);

CREATE TRIGGER report_stamp_person_insert AFTER INSERT ON person
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_person_update AFTER UPDATE ON person
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_person_delete AFTER DELETE ON person
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_training_completion_insert AFTER INSERT ON training_completion
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_training_completion_update AFTER UPDATE ON training_completion
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_training_completion_delete AFTER DELETE ON training_completion
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_training_session_insert AFTER INSERT ON training_session
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

-- Every answer of a quiz sets its status again (to the same value): only a real change of status counts.
CREATE TRIGGER report_stamp_training_session_update AFTER UPDATE OF status, person_id, policy_id, module ON training_session
    WHEN OLD.status IS NOT NEW.status OR OLD.person_id IS NOT NEW.person_id OR OLD.policy_id IS NOT NEW.policy_id OR OLD.module IS NOT NEW.module
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_training_session_delete AFTER DELETE ON training_session
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_acknowledgement_insert AFTER INSERT ON acknowledgement
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_acknowledgement_update AFTER UPDATE ON acknowledgement
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_acknowledgement_delete AFTER DELETE ON acknowledgement
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_policy_version_insert AFTER INSERT ON policy_version
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_policy_version_update AFTER UPDATE ON policy_version
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_policy_version_delete AFTER DELETE ON policy_version
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_policy_section_version_insert AFTER INSERT ON policy_section_version
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_policy_section_version_update AFTER UPDATE ON policy_section_version
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_policy_section_version_delete AFTER DELETE ON policy_section_version
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_announcement_insert AFTER INSERT ON announcement
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_announcement_update AFTER UPDATE ON announcement
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;

CREATE TRIGGER report_stamp_announcement_delete AFTER DELETE ON announcement
BEGIN
    UPDATE report_stamp SET stamp = stamp + 1 WHERE id = 1;
END;
