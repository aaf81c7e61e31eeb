-- Tables whose keys are added afterwards, as schema files often do for
-- foreign keys between tables.
CREATE TABLE a (
  id int NOT NULL PRIMARY KEY,
  b_id int,
  label varchar(30) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE b (
  id int NOT NULL PRIMARY KEY,
  a_id int
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE a ADD CONSTRAINT a_b_fk FOREIGN KEY (b_id) REFERENCES b (id);
ALTER TABLE b ADD FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE CASCADE;
CREATE INDEX label_idx ON a (label(10));
CREATE UNIQUE INDEX label_uq ON a (label, id);
ALTER TABLE b ADD INDEX (a_id, id);
ALTER TABLE a ADD CONSTRAINT label_not_empty CHECK (label <> '');
