/** mulberry32: a small seeded PRNG, so demo data is the same for the same seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
    /** One of `items`, drawn with the given relative weights. */
    weighted: <T>(items: readonly T[], weights: readonly number[]): T => {
      let x = next() * weights.reduce((a, b) => a + b, 0);
      for (const [i, w] of weights.entries()) {
        x -= w;
        if (x < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
  };
}
export type Rng = ReturnType<typeof rng>;
