-- Implicit names of keys, foreign keys, their indexes and CHECKs.
CREATE TABLE parent (
  id int NOT NULL,
  a int NOT NULL,
  b int NOT NULL,
  PRIMARY KEY (id),
  UNIQUE (a, b)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE child (
  id int NOT NULL,
  x int,
  y int,
  z int CHECK (z > 0),
  w int,
  KEY (x),
  KEY (x, y),
  KEY x_3 (w),
  UNIQUE (y),
  FOREIGN KEY (x) REFERENCES parent (id),
  FOREIGN KEY (w) REFERENCES parent (id) ON DELETE SET NULL,
  FOREIGN KEY fk_index_name (z) REFERENCES parent (id),
  CONSTRAINT named_fk FOREIGN KEY (id) REFERENCES parent (id),
  CONSTRAINT pair_fk FOREIGN KEY (x, y) REFERENCES parent (a, b),
  CHECK (x < y),
  CONSTRAINT named_check CHECK (y > 0),
  CHECK (id <> 13)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE grandchild (
  id int NOT NULL,
  child_x int,
  other int,
  FOREIGN KEY (child_x) REFERENCES child (x),
  FOREIGN KEY (other) REFERENCES parent (id),
  KEY other (other, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
