-- Roles given by the HR roster (the optional role column), and indexes for reports.

CREATE TABLE person_role (
    person_id VARCHAR(32) NOT NULL PRIMARY KEY REFERENCES person (id),
    role      VARCHAR(16) NOT NULL CHECK (role IN ('employee', 'manager', 'hr', 'admin'))
);

-- Reports by team, and the roster's manager look-up by email.
CREATE INDEX person_team ON person (team);
CREATE INDEX person_email ON person (email);
-- A report reads one policy version's quiz results of each person in the org from this index alone (covering).
CREATE INDEX training_completion_report ON training_completion (person_id, policy_id, policy_version, module, passed,
                                                                correct, total);
