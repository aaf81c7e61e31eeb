INSERT INTO projects (tenant_id, id, name) VALUES (1, 1, 'Website'), (1, 2, 'Mobile app'), (2, 1, 'Data platform');
INSERT INTO tasks (id, tenant_id, project_id, title) VALUES
    (1, 1, 1, 'Redesign landing page'),
    (2, 1, 2, 'Push notifications'),
    (3, 2, 1, 'Nightly ETL');
