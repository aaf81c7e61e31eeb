CREATE TABLE UserSessions (
    Id bigint PRIMARY KEY,
    UserId bigint NOT NULL,
    Token text NOT NULL,
    "ExpiresAt" timestamptz NOT NULL
);

CREATE INDEX UserSessions_UserId_Idx ON UserSessions (UserId);
COMMENT ON COLUMN UserSessions.Token IS 'opaque';
