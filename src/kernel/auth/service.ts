import { createHash, randomBytes } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { type Actor, appendAudit, SYSTEM_ACTOR } from '../audit.js';
import type { Db, Tx } from '../db/client.js';
import { grants, orgs, sessions, users } from '../db/schema.js';
import { AppError } from '../errors.js';
import { isOrgCode } from '../orgs/codes.js';
import type { Grant } from '../scope.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { isRole, ROLES } from './roles.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const IDLE_TIMEOUT_MINUTES = 30;
export const SESSION_MAX_HOURS = 12;

export interface Principal {
  id: number;
  username: string;
  displayName: string;
  grants: Grant[];
}

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function loadPrincipal(db: Tx, userId: number): Promise<Principal | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabled) return null;
  const rows = await db
    .select({ role: grants.role, orgCode: grants.orgCode })
    .from(grants)
    .where(eq(grants.userId, userId))
    .orderBy(grants.id);
  return { id: user.id, username: user.username, displayName: user.displayName, grants: rows };
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  principal: Principal;
}

/** 5 failed attempts lock the account for 15 minutes; an unknown user name costs the same as a wrong password. */
export async function login(
  db: Db,
  username: string,
  password: string,
  ip: string | null,
): Promise<LoginResult> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const now = new Date();
  if (!user) {
    await verifyPassword(
      '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000',
      password,
    );
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > now) throw new AppError('ACCOUNT_LOCKED');
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok) {
    const failed = (user.lockedUntil && user.lockedUntil <= now ? 0 : user.failedAttempts) + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedAttempts: lock ? 0 : failed,
          lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null,
        })
        .where(eq(users.id, user.id));
      if (lock) {
        await appendAudit(tx, {
          actor: SYSTEM_ACTOR,
          orgCode: null,
          action: 'auth.lock',
          entity: 'user',
          entityId: user.id,
          after: { username: user.username, minutes: LOCK_MINUTES, ip },
        });
      }
    });
    throw new AppError(lock ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
  const principal = await loadPrincipal(db, user.id);
  if (!principal || principal.grants.length === 0)
    throw new AppError('ACCOUNT_DISABLED', '该账户没有任何角色,请联系管理员');
  await db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id));
  return { ...(await createSession(db, user.id, ip)), principal };
}

/** A new session: the cookie token (only its hash is stored) and the CSRF token bound to it. */
export async function createSession(
  db: Tx,
  userId: number,
  ip: string | null,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({ id: tokenId(token), userId, csrfToken, ip });
  return { token, csrfToken };
}

export interface SessionInfo {
  principal: Principal;
  csrfToken: string;
  sessionId: string;
}

/** Resolve a cookie token; idle sessions expire after 30 minutes, any session after 12 hours. */
export async function resolveSession(db: Db, token: string): Promise<SessionInfo | 'expired' | null> {
  const id = tokenId(token);
  const [session] = await db.select().from(sessions).where(eq(sessions.id, id));
  if (!session) return null;
  const now = Date.now();
  if (
    now - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MINUTES * 60_000 ||
    now - session.createdAt.getTime() > SESSION_MAX_HOURS * 3_600_000
  ) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return 'expired';
  }
  const principal = await loadPrincipal(db, session.userId);
  if (!principal) return null;
  // Touch at most once a minute: fewer writes, same 30-minute rule.
  if (now - session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return { principal, csrfToken: session.csrfToken, sessionId: id };
}

export async function logout(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function changePassword(
  db: Db,
  principal: Principal,
  currentSessionId: string,
  oldPassword: string,
  newPassword: string,
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, principal.id));
  if (!user || !(await verifyPassword(user.passwordHash, oldPassword))) throw new AppError('WRONG_PASSWORD');
  const problem = passwordProblem(newPassword);
  if (problem) throw new AppError('WEAK_PASSWORD', `密码强度不足:${problem}`);
  if (oldPassword === newPassword) throw new AppError('WEAK_PASSWORD', '新密码不能与原密码相同');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
    // Other sessions of this user end: a changed password must lock out whoever else had it.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, currentSessionId)));
    await appendAudit(tx, {
      actor: { id: principal.id, name: principal.username },
      orgCode: principal.grants[0]?.orgCode ?? null,
      action: 'auth.password_change',
      entity: 'user',
      entityId: user.id,
    });
  });
}

export interface NewUser {
  username: string;
  displayName?: string;
  password?: string;
  passwordHash?: string; // demo data reuses one hash
  phone?: string | null;
  officeCode?: string | null;
  grants: Grant[];
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$/;

/** Create a user with its role grants, audited. Validates the password policy unless a hash is supplied. */
export async function createUser(tx: Tx, input: NewUser, actor: Actor = SYSTEM_ACTOR): Promise<number> {
  if (!USERNAME.test(input.username)) {
    throw new AppError(
      'VALIDATION_FAILED',
      '用户名须为3–40位字母、数字、点、下划线或连字符,以字母或数字开头',
    );
  }
  if (input.grants.length === 0) throw new AppError('VALIDATION_FAILED', '至少需要一个角色');
  for (const g of input.grants) {
    if (!isRole(g.role))
      throw new AppError('VALIDATION_FAILED', `未知角色「${g.role}」,可选:${ROLES.join('、')}`);
    if (!isOrgCode(g.orgCode)) throw new AppError('INVALID_ORG_CODE', `组织代码无效: ${g.orgCode}`);
    const [org] = await tx.select({ code: orgs.code }).from(orgs).where(eq(orgs.code, g.orgCode));
    if (!org) throw new AppError('INVALID_ORG_CODE', `组织 ${g.orgCode} 不存在`);
  }
  let passwordHash = input.passwordHash;
  if (!passwordHash) {
    const problem = input.password === undefined ? '缺少密码' : passwordProblem(input.password);
    if (problem) throw new AppError('WEAK_PASSWORD', `密码强度不足:${problem}`);
    passwordHash = await hashPassword(input.password!);
  }
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (existing) throw new AppError('DUPLICATE', `用户名 ${input.username} 已存在`);
  const [user] = await tx
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName ?? input.username,
      passwordHash,
      phone: input.phone ?? null,
      officeCode: input.officeCode ?? null,
    })
    .returning({ id: users.id });
  await tx
    .insert(grants)
    .values(input.grants.map((g) => ({ userId: user!.id, role: g.role, orgCode: g.orgCode })));
  await appendAudit(tx, {
    actor,
    orgCode: input.grants[0]!.orgCode,
    action: 'user.create',
    entity: 'user',
    entityId: user!.id,
    after: {
      username: input.username,
      displayName: input.displayName ?? input.username,
      grants: input.grants,
    },
  });
  return user!.id;
}
