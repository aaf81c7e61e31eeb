CREATE TYPE legacy_channel AS ENUM ('fax', 'telex');

CREATE TABLE contacts (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    legacy_channel legacy_channel
);
