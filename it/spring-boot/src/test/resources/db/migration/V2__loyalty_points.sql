-- No "AFTER name": PostgreSQL cannot place a column, and the driver refuses a column position
-- rather than let the two tables' column orders differ (docs/rewriter.md).
ALTER TABLE customer ADD COLUMN loyalty_points INT NOT NULL DEFAULT 0;
CREATE INDEX idx_customer_name ON customer (name);
INSERT INTO customer (email, name, loyalty_points, created_at)
VALUES ('founder@example.com', 'Founder', 100, '2020-01-01 00:00:00');
