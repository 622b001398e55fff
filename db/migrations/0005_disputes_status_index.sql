-- The ledger page "status = … ORDER BY received_on DESC" walks this index in display order and stops after a
-- page; org_code is carried so the subtree range is checked in the index (bench/disputes.ts: county list 17× faster).
CREATE INDEX IF NOT EXISTS "disputes_case_status_received_idx" ON "disputes_case" ("status", "received_on" DESC, "id" DESC) INCLUDE ("org_code");
