-- Each archived overall report keeps the audit log of its period as CSV: the changes that shaped the
-- figures travel with them, as they stood when the report was made (admins download it).
ALTER TABLE report_archive ADD COLUMN audit_csv BYTEA;
