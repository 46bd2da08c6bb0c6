-- Reports judge training by the same rule as status (TrainingRules), so they read each person's whole history of a
-- policy (every module and version, oldest first). This index serves that read alone (covering), one seek per
-- person; it replaces training_completion_person, whose columns are its prefix.

CREATE INDEX training_completion_history ON training_completion (person_id, policy_id, completed_at, module,
                                                                 policy_version, passed, correct, total);
DROP INDEX training_completion_person;
