INSERT INTO reports (title) VALUES ('Q1 revenue'), ('Churn analysis');
