import type { Tx } from './kernel/db/client.js';
import { type DemoOrgs, seedDemo } from './kernel/demo/seed.js';
import { type DemoWindow, demoWindow } from './kernel/demo/window.js';
import { modules } from './modules.js';
import { seedReportDrafts } from './reporting/seed.js';

/** The whole demo county: orgs and accounts, every module's ledgers, and the first year's report drafts. */
export async function seedDemoCounty(
  tx: Tx,
  seed: number,
  window: DemoWindow = demoWindow(),
): Promise<DemoOrgs> {
  const shape = await seedDemo(tx, seed, modules, window);
  await seedReportDrafts(tx, shape.county, window.year);
  return shape;
}
