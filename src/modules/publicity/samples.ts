import type { Actor } from '../../kernel/audit.js';
import type { Tx } from '../../kernel/db/client.js';
import { files } from '../../kernel/db/schema.js';
import { publicityDuties, publicityPhotos } from './schema.js';
import { type ActivityRow, createSite, recordActivities } from './service.js';

/** One duty, activity (with a photo) and site in `orgCode`, for the authorization matrix. */
export async function publicitySamples(tx: Tx, orgCode: string, actor: Actor) {
  // Direct insert: the matrix's sample org may be a village, where the service would refuse a duty.
  const [duty] = await tx
    .insert(publicityDuties)
    .values({ orgCode, year: 2024, unitName: '样本责任单位', duties: '宪法、民法典', planned: 4 })
    .returning();
  const one: ActivityRow = {
    orgCode,
    heldOn: '2024-03-05',
    title: '样本普法活动',
    themes: ['民法典'],
    form: '法治讲座',
    venueType: '进乡村',
    reach: 50,
    materials: 20,
    dutyId: duty!.id,
  };
  // The photo hangs on a second activity, so the matrix's removal of the first leaves it in place.
  const [a, b] = await recordActivities(tx, [one, { ...one, title: '样本普法活动(二)' }], actor);
  const [file] = await tx
    .insert(files)
    .values({ sha256: '0'.repeat(64), size: 1, mime: 'image/jpeg', name: '样本.jpg', orgCode })
    .returning();
  const [photo] = await tx
    .insert(publicityPhotos)
    .values({ activityId: b!.id, orgCode, fileId: file!.id, sha256: file!.sha256 })
    .returning();
  const site = await createSite(tx, { orgCode, kind: '法治宣传栏', name: '样本宣传栏' }, actor);
  return {
    'publicity.activity': a!.id,
    'publicity.photo': photo!.id,
    'publicity.duty': duty!.id,
    'publicity.site': site.id,
  };
}
