-- Portable SQL (SQLite and PostgreSQL): ids are made by the application, times are epoch milliseconds (UTC),
-- dates are ISO-8601 text (yyyy-MM-dd).

CREATE TABLE person (
    id               VARCHAR(32)  NOT NULL PRIMARY KEY,
    platform         VARCHAR(32)  NOT NULL,
    platform_user_id VARCHAR(128) NOT NULL,
    display_name     VARCHAR(200) NOT NULL,
    email            VARCHAR(320),
    team             VARCHAR(200),
    manager_id       VARCHAR(32) REFERENCES person (id),
    first_seen_at    BIGINT       NOT NULL,
    joined_on        VARCHAR(10),
    CONSTRAINT person_platform_user UNIQUE (platform, platform_user_id)
);

CREATE INDEX person_manager ON person (manager_id);
