import { createHash } from 'node:crypto';

/**
 * 双随机 draw, deterministic so that anyone can check a published draw.
 *
 * drawSample(seed, pool, k):
 *   1. a = the pool's ids sorted ascending (as numbers).
 *   2. for i = 0, 1, …, k-1:
 *        h = SHA-256 of the UTF-8 text `${seed}:${i}`;
 *        x = the first 6 bytes of h read as a big-endian unsigned integer (0 … 2^48-1);
 *        j = i + (x mod (n - i)), n = the pool size;
 *        swap a[i] and a[j].
 *   3. the result is a[0], …, a[k-1], in that order.
 * (A partial Fisher–Yates shuffle.) An inspection draws its targets with seed `${seed}/targets` and
 * its inspectors with seed `${seed}/officers`.
 */
export function drawSample(seed: string, pool: readonly number[], k: number): number[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`抽取数量无效: ${k}`);
  const a = [...pool].sort((x, y) => x - y);
  const n = a.length;
  if (k > n) throw new RangeError(`候选数量${n}少于抽取数量${k}`);
  for (let i = 0; i < k; i++) {
    const h = createHash('sha256').update(`${seed}:${i}`, 'utf8').digest();
    const x = h.readUIntBE(0, 6);
    const j = i + (x % (n - i));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a.slice(0, k);
}

export const TARGET_SEED = (seed: string) => `${seed}/targets`;
export const OFFICER_SEED = (seed: string) => `${seed}/officers`;

/** The method as published on the portal, so a citizen can re-implement it. */
export const DRAW_METHOD =
  '将候选编号按从小到大排序为 a[0..n-1];对 i = 0..k-1,计算 SHA-256(「种子:i」的 UTF-8 编码),取前 6 字节为大端无符号整数 x,' +
  '令 j = i + (x mod (n − i)),交换 a[i] 与 a[j];结果为 a[0..k-1]。检查对象使用种子「<seed>/targets」,执法人员使用种子「<seed>/officers」。';
