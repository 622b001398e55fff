// bench/peer.sh helper: the peer data set's org tree (../shared/bench-peer/gen.mjs: county 330106, 5 townships,
// 10 villages each) created in our database through createOrgs, under the root org FAZHI_ROOT_ORG made at first start.
//   DATABASE_URL=… node --import tsx bench/peer-orgs.ts [--gen ../shared/bench-peer/gen.mjs]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/kernel/db/client.js';
import { createOrgs, type NewOrg } from '../src/kernel/orgs/service.js';

const { values } = parseArgs({
  options: { gen: { type: 'string', default: '../shared/bench-peer/gen.mjs' } },
});
const gen = (await import(pathToFileURL(path.resolve(values.gen!)).href)) as {
  COUNTY: string;
  TOWNSHIPS: string[];
  TOWNSHIP_NAMES: string[];
  ORG_CODES: string[];
  VILLAGE_NAMES: string[];
};
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');

const list: NewOrg[] = [
  ...gen.TOWNSHIPS.map((t, i) => ({ code: `${t}000`, name: gen.TOWNSHIP_NAMES[i]! })),
  // Village names repeat across townships in gen.mjs; our org names need not be unique, so keep them as they are.
  ...gen.ORG_CODES.map((c, i) => ({ code: c, name: gen.VILLAGE_NAMES[i]! })),
];
const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
try {
  await database.db.transaction((tx) => createOrgs(tx, list));
  console.log(`created ${list.length} orgs under ${gen.COUNTY}000000`);
} finally {
  await database.close();
}
