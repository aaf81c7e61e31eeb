-- A hand-written blog schema: plain MySQL, no backticks.
CREATE TABLE users (
  id INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(255) NOT NULL UNIQUE,
  name varchar(100) NOT NULL DEFAULT '',
  is_admin BOOL NOT NULL DEFAULT FALSE,
  status ENUM('active', 'disabled', 'it''s complicated') NOT NULL DEFAULT 'active',
  bio TEXT,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
  age int(11) CHECK (age >= 0),
  KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='people who write';

CREATE TABLE posts (
  id bigint unsigned NOT NULL AUTO_INCREMENT,
  user_id int NOT NULL COMMENT 'author',
  title varchar(200) NOT NULL,
  slug varchar(200) NOT NULL,
  body mediumtext NOT NULL,
  published_at datetime DEFAULT NULL,
  views int unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (id),
  UNIQUE KEY slug (slug),
  INDEX by_published (published_at DESC, id),
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CHECK (views >= 0 AND char_length(title) > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE comments (
  id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  post_id bigint unsigned NOT NULL,
  author_id int,
  parent_id bigint unsigned,
  body text NOT NULL,
  created_at datetime(3) NOT NULL DEFAULT now(3),
  CONSTRAINT comments_post_fk FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE ON UPDATE RESTRICT,
  CONSTRAINT comments_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL,
  FOREIGN KEY (parent_id) REFERENCES comments (id),
  KEY post_created (post_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
