-- The audit log is append-only: updates and deletes are refused by the database itself.
CREATE OR REPLACE FUNCTION kernel_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'kernel_audit is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER kernel_audit_no_update BEFORE UPDATE OR DELETE ON kernel_audit
  FOR EACH ROW EXECUTE FUNCTION kernel_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER kernel_audit_no_truncate BEFORE TRUNCATE ON kernel_audit
  FOR EACH STATEMENT EXECUTE FUNCTION kernel_audit_append_only();
