import type { Tx } from './kernel/db/client.js';
import { type DemoOrgs, seedDemo } from './kernel/demo/seed.js';
import { modules } from './modules.js';
import { seedReportDrafts } from './reporting/seed.js';

/** The whole demo county: orgs and accounts, every module's ledgers, and the 2024 report drafts. */
export async function seedDemoCounty(tx: Tx, seed: number): Promise<DemoOrgs> {
  const shape = await seedDemo(tx, seed, modules);
  await seedReportDrafts(tx, shape.county);
  return shape;
}
