CREATE TABLE projects (
    tenant_id bigint NOT NULL,
    id bigint NOT NULL,
    name text NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE tasks (
    id bigint PRIMARY KEY,
    tenant_id bigint NOT NULL,
    project_id bigint NOT NULL,
    title text NOT NULL
);
