CREATE TABLE "usersessions" (
    "id" bigint PRIMARY KEY,
    userid bigint NOT NULL,
    TOKEN text NOT NULL,
    "ExpiresAt" timestamptz NOT NULL
);

CREATE INDEX "usersessions_userid_idx" ON usersessions (USERID);
COMMENT ON COLUMN "usersessions"."token" IS 'opaque';
