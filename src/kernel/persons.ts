import { AppError } from './errors.js';
import {
  idCardProblem,
  isValidPhone,
  maskIdCard,
  maskPhone,
  normalizeIdCard,
  normalizePhone,
} from './validate.js';

interface Person {
  idCard?: string | null;
  phone?: string | null;
}

/** GB 11643 check of each 身份证号 and the phone format; returns the people with both normalised. */
export function checkPersons<T extends Person>(
  people: T[],
  noun: string,
): (T & { idCard: string | null; phone: string | null })[] {
  return people.map((p, i) => {
    const who = `第${i + 1}名${noun}`;
    const idCard = p.idCard?.trim() ? normalizeIdCard(p.idCard) : null;
    if (idCard) {
      const problem = idCardProblem(idCard);
      if (problem) throw new AppError('VALIDATION_FAILED', `${who}身份证号无效:${problem}`);
    }
    const raw = p.phone?.trim() || null;
    if (raw && !isValidPhone(raw)) throw new AppError('VALIDATION_FAILED', `${who}联系电话格式不正确`);
    return { ...p, idCard, phone: raw ? (normalizePhone(raw) ?? raw) : null };
  });
}

/** Personal data (身份证号, 电话) masked unless the caller's role may see it. */
export function maskPerson<T extends Person>(p: T, canSee: boolean): T {
  if (canSee) return p;
  return {
    ...p,
    idCard: p.idCard ? maskIdCard(p.idCard) : (p.idCard ?? null),
    phone: p.phone ? maskPhone(p.phone) : (p.phone ?? null),
  };
}
