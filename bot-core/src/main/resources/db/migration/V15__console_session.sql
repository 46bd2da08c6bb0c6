-- Web console sessions, shared by every replica. The cookie holds a random id; only its SHA-256 is kept, so a copy
-- of the database cannot sign anyone in. A session ends on sign-out (deleted), when idle too long or too old.
CREATE TABLE console_session (
    id_hash      VARCHAR(64)  NOT NULL PRIMARY KEY,  -- hex SHA-256 of the cookie's value
    platform     VARCHAR(20)  NOT NULL,              -- the identity signed in
    user_id      VARCHAR(200) NOT NULL,
    locale       VARCHAR(20)  NOT NULL,
    csrf         VARCHAR(64)  NOT NULL,              -- the token every form of this session carries
    how          VARCHAR(10)  NOT NULL,              -- link (one-time link from chat) or oidc (single sign-on)
    created_at   BIGINT       NOT NULL,
    last_seen_at BIGINT       NOT NULL
);

CREATE INDEX console_session_last_seen ON console_session (last_seen_at);

-- Single sign-on logins under way: the state sent to the identity provider (hashed), with the nonce and PKCE
-- verifier that go with it. The provider may send the browser back to any replica; a state is used once.
CREATE TABLE oidc_login (
    state_hash    VARCHAR(64)  NOT NULL PRIMARY KEY,
    nonce         VARCHAR(100) NOT NULL,
    code_verifier VARCHAR(100) NOT NULL,
    locale        VARCHAR(20)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    expires_at    BIGINT       NOT NULL,
    used_at       BIGINT
);

CREATE INDEX oidc_login_expires ON oidc_login (expires_at);
