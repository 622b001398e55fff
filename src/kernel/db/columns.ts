import { customType } from 'drizzle-orm/pg-core';

/**
 * Org codes compare byte-wise (COLLATE "C") so a subtree is one btree range scan
 * (`org_code >= prefix AND org_code < upper`) whatever the database's default collation.
 */
export const orgCode = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'text COLLATE "C"';
  },
});
