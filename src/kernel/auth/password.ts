import { randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2: Algorithm.Argon2id === 2 (a const enum, so the number is spelled out)
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** ≥8 characters and at least 3 of: upper case, lower case, digit, symbol. Returns a Chinese reason, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少8位';
  if (password.length > 128) return '密码不能超过128位';
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少3类';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A random password that satisfies the policy, for the first administrator. */
export function generatePassword(): string {
  const pools = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@!'];
  const chars = pools.map((p) => p[randomInt(p.length)]);
  const all = pools.join('');
  const bytes = randomBytes(12);
  for (const b of bytes) chars.push(all[b % all.length]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
