INSERT INTO measurements (sensor, calibrated, reading, label) VALUES (1, false, 12, 'a'), (2, NULL, NULL, NULL);
