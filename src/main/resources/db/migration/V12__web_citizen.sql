-- The identity the server issued to a web citizen (a signed cookie) that may use a userId: the first
-- identity to use a userId holds it; another identity asking for it is refused.
CREATE TABLE web_citizen (
    user_id  VARCHAR(128) PRIMARY KEY,
    identity VARCHAR(32)  NOT NULL,
    bound_at TIMESTAMP    NOT NULL
);
CREATE INDEX web_citizen_identity ON web_citizen (identity, bound_at);
