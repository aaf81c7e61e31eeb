CREATE TABLE notes (
  id bigint PRIMARY KEY,
  body text,
  "Title" varchar(200)
);

CREATE INDEX notes_title_idx ON notes ("Title");
