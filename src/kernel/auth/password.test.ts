import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password.js';

describe('password policy', () => {
  it.each([
    ['Short1!', '至少8位'],
    ['alllowercase', '至少3类'],
    ['lowerUPPER', '至少3类'],
    ['12345678a', '至少3类'],
  ])('rejects %s', (pw, reason) => {
    expect(passwordProblem(pw)).toContain(reason);
  });
  it.each(['Fazhi@2024', 'abcDEF123', 'abc123!@#x', 'ABC123!@#x'])('accepts %s', (pw) => {
    expect(passwordProblem(pw)).toBeNull();
  });
  it('generates passwords that pass the policy and hashes them with argon2id', async () => {
    for (let i = 0; i < 50; i++) expect(passwordProblem(generatePassword())).toBeNull();
    const h = await hashPassword('Fazhi@2024');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Fazhi@2024')).toBe(true);
    expect(await verifyPassword(h, 'Fazhi@2025')).toBe(false);
    expect(await verifyPassword('garbage', 'x')).toBe(false);
  });
});
