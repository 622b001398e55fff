/**
 * Org codes: the 12-digit 统计用区划代码 (省2 市2 县2 乡3 村3) for regions, and
 * internal units below them: 科室 `<township code>K<2 digits>`, 网格 `<township or village code>W<3 digits>`.
 * A node's subtree is every code that starts with its scope prefix, so scope is one range predicate.
 */
export const ORG_LEVELS = ['province', 'city', 'county', 'township', 'village', 'office', 'grid'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  province: '省',
  city: '市',
  county: '县/区',
  township: '乡镇/街道',
  village: '村/社区',
  office: '科室',
  grid: '网格',
};

const REGION = /^\d{12}$/;
const REGION_LEVELS: OrgLevel[] = ['province', 'city', 'county', 'township', 'village'];
const OFFICE = /^(\d{12})K(\d{2})$/;
const GRID = /^(\d{12})W(\d{3})$/;

/** Significant digits per region level: 省2 市4 县6 乡9 村12. */
const REGION_DIGITS: Record<string, number> = { province: 2, city: 4, county: 6, township: 9, village: 12 };

export function isOrgCode(code: string): boolean {
  return levelOf(code) !== null;
}

/** The level a code denotes, or null when the code is malformed. */
export function levelOf(code: string): OrgLevel | null {
  if (REGION.test(code)) {
    // The level is the last non-zero segment; every segment above it must be non-zero too.
    const segments = [
      code.slice(0, 2),
      code.slice(2, 4),
      code.slice(4, 6),
      code.slice(6, 9),
      code.slice(9, 12),
    ];
    const isZero = (s: string) => /^0+$/.test(s);
    let last = -1;
    segments.forEach((s, i) => {
      if (!isZero(s)) last = i;
    });
    if (last < 0 || segments.slice(0, last).some(isZero)) return null;
    return REGION_LEVELS[last]!;
  }
  const office = OFFICE.exec(code);
  if (office) return levelOf(office[1]!) === 'township' && office[2] !== '00' ? 'office' : null;
  const grid = GRID.exec(code);
  if (grid) {
    const parentLevel = levelOf(grid[1]!);
    return (parentLevel === 'township' || parentLevel === 'village') && grid[2] !== '000' ? 'grid' : null;
  }
  return null;
}

/** The prefix every code in this node's subtree starts with. */
export function scopePrefix(code: string): string {
  const level = levelOf(code);
  if (!level) throw new RangeError(`组织代码无效: ${code}`);
  const digits = REGION_DIGITS[level];
  return digits ? code.slice(0, digits) : code;
}

/** The parent code derived from the code itself (null for a province). */
export function parentOf(code: string): string | null {
  const level = levelOf(code);
  if (!level) throw new RangeError(`组织代码无效: ${code}`);
  if (level === 'office' || level === 'grid') return code.slice(0, 12);
  if (level === 'province') return null;
  const keep = { city: 2, county: 4, township: 6, village: 9 }[level];
  return code.slice(0, keep).padEnd(12, '0');
}

/** True when `code` lies in the subtree of `ancestor` (a node is in its own subtree). */
export function isInSubtree(code: string, ancestor: string): boolean {
  return code.startsWith(scopePrefix(ancestor));
}

/** Exclusive upper bound of the prefix range: every string starting with `prefix` is < this (byte order). */
export function prefixUpperBound(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}
