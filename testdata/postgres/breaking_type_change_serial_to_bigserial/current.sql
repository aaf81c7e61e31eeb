-- A serial column widened to bigserial, without a primary key on it: the
-- shadow column's swap must move the sequence's ownership, or dropping the
-- old column drops the sequence the new default uses.
CREATE TABLE events (
  id serial NOT NULL,
  body text
);
