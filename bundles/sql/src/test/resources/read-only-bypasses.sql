DELETE FROM dbo.customers
====
UPDATE dbo.products SET unit_price = 0
====
INSERT INTO dbo.customers (name) VALUES ('mallory')
====
DROP TABLE dbo.order_items
====
TRUNCATE TABLE dbo.orders
====
EXEC('DELETE FROM dbo.customers')
====
EXECUTE ('UPDATE dbo.products SET unit_price = 0')
====
EXEC sp_executesql N'DELETE FROM dbo.customers'
====
SELECT 1; EXEC sp_executesql N'DELETE FROM dbo.customers'
====
EXEC master..xp_cmdshell 'del C:\data'
====
SELECT * FROM OPENQUERY(linked, 'DELETE FROM dbo.customers')
====
SELECT * FROM OPENROWSET('SQLNCLI', 'Server=(local);Trusted_Connection=yes;', 'DELETE FROM dbo.customers')
====
SELECT * FROM OPENDATASOURCE('SQLNCLI', 'Data Source=x;Integrated Security=SSPI').db.dbo.customers
====
SELECT * INTO dbo.stolen FROM dbo.customers
====
SELECT 1 WAITFOR DELAY '00:00:10'
====
WAITFOR DELAY '00:00:05'; SELECT 1
====
SELECT 1; DELETE FROM dbo.customers
====
SELECT 1; DROP TABLE dbo.orders; --
====
COMMIT; DELETE FROM dbo.customers
====
BEGIN TRANSACTION
====
SELECT 1 DELETE FROM dbo.customers
====
SELECT name FROM dbo.customers /* harmless */ ; UPDATE dbo.products SET unit_price = 0 -- */
====
SELECT 1 /* /* nested */ ; DELETE FROM dbo.customers; -- */
====
SELECT '--', 1; DELETE FROM dbo.customers
====
SELECT 'a'';DELETE FROM dbo.customers;--'; DELETE FROM dbo.orders
====
WITH gone AS (DELETE FROM dbo.customers RETURNING *) SELECT * FROM gone
====
SELECT FILE_WRITE('pwned', '/tmp/mcp-sql-bypass.txt')
====
SELECT * FROM dbo.customers WHERE FILE_WRITE('x', '/tmp/mcp-sql-bypass.txt') > 0
====
SELECT FILE_READ('/etc/passwd')
====
CALL CSVWRITE('/tmp/mcp-sql-bypass.csv', 'SELECT * FROM dbo.customers')
====
SELECT CSVWRITE('/tmp/mcp-sql-bypass.csv', 'SELECT * FROM dbo.customers')
====
SELECT * FROM CSVREAD('/etc/passwd')
====
SELECT LINK_SCHEMA('stolen', '', 'jdbc:h2:mem:other', 'sa', '', 'PUBLIC')
====
CREATE ALIAS SHELL AS 'String shell(String c) throws Exception { return "" + Runtime.getRuntime().exec(c); }'
====
RUNSCRIPT FROM '/tmp/evil.sql'
====
SCRIPT TO '/tmp/mcp-sql-bypass-dump.sql'
====
CALL FILE_WRITE('pwned', '/tmp/mcp-sql-bypass.txt')
====
SELECT "FILE_WRITE"('pwned', '/tmp/mcp-sql-bypass.txt')
====
SELECT [FILE_WRITE]('pwned', '/tmp/mcp-sql-bypass.txt')
====
SELECT PUBLIC.FILE_WRITE('pwned', '/tmp/mcp-sql-bypass.txt')
====
SELECT SET(@x, 1)
====
SELECT NEXT VALUE FOR dbo.order_numbers
====
SELECT NEXTVAL('order_numbers')
====
SELECT * FROM dbo.customers FOR UPDATE
====
SELECT * FROM dbo.customers WITH (UPDLOCK) FOR UPDATE
====
SELECT pg_read_file('/etc/passwd')
====
SELECT pg_terminate_backend(pid) FROM pg_stat_activity
====
SELECT set_config('default_transaction_read_only', 'off', false)
====
SELECT lo_export(12345, '/tmp/mcp-sql-bypass.bin')
====
SELECT query_to_xml('DELETE FROM customers RETURNING *', true, false, '')
====
SELECT dblink_exec('dbname=x', 'DELETE FROM customers')
====
SELECT * FROM dbo.customers; SHUTDOWN
====
SHUTDOWN
====
DECLARE @s nvarchar(100) = 'DELETE FROM dbo.customers'; EXEC(@s)
====
USE master
====
SELECT * FROM dbo.customers WHERE id = 1 OR 1=1; GRANT SELECT ON dbo.customers TO public
====
SELECT 1 UNION ALL SELECT 2; ALTER TABLE dbo.customers ADD pwned int
====
SELECT * FROM dbo.customers WHERE name = 'it''s' ; MERGE INTO dbo.products p USING dbo.products q ON p.id = q.id WHEN MATCHED THEN DELETE
====
SELECT 'unterminated
====
SELECT 1 /* unterminated comment
====
SEL/**/ECT 1
====
select * from dbo.customers; kill 52
====
SELECT * FROM dbo.customers AS c WHERE c.id IN (SELECT id FROM dbo.customers INTO dbo.copy)
====
VALUES (1); DELETE FROM dbo.customers
====
SELECT * FROM FINAL TABLE (UPDATE dbo.products SET unit_price = 0)
====
SELECT * FROM OLD TABLE (DELETE FROM dbo.order_items)
