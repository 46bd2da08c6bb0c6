-- One-time sign-in links for the web console, sent in a DM by the `console` command. Only a SHA-256 of the token
-- is kept, so a copy of the database cannot sign anyone in. A link is used once (used_at set) and expires.
CREATE TABLE sign_in_link (
    token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,  -- hex SHA-256 of the token in the link
    platform   VARCHAR(20)  NOT NULL,              -- the identity the link was sent to
    user_id    VARCHAR(200) NOT NULL,
    locale     VARCHAR(20)  NOT NULL,
    created_at BIGINT       NOT NULL,
    expires_at BIGINT       NOT NULL,
    used_at    BIGINT
);

CREATE INDEX sign_in_link_expires ON sign_in_link (expires_at);
