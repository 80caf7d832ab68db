// Newsroom accounts: users and their roles and sections, argon2id passwords, database sessions with
// idle and absolute expiry, login rate limit and lockout, TOTP two-factor authentication. Every change
// is audited in its own transaction. Must not know HTTP: it receives tokens, codes and an IP as data.
import { z } from 'zod';
import { Forbidden, InvalidInput, NotFound, ROLES, MAX_ID, may, type Actor, type Role } from '../../domain/index.js';
import type { Db, Tx } from '../../db/index.js';
import type { Clock } from '../clock.js';
import { isOperator, recordAudit, type Caller } from '../audit/audit-log.js';
import { hashPassword, randomToken, sameSecret, sha256, verifyPassword } from './secrets.js';
import { checkTotp, newTotpSecret, qrDataUrl, totpUri } from './totp.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Session and lockout rules; tests may shorten them. */
export interface AccountsPolicy {
  /** A session unused for this long ends. */
  readonly sessionIdleMs: number;
  /** A session ends this long after sign-in, however active. */
  readonly sessionAbsoluteMs: number;
  /** Time allowed between the password and the second factor. */
  readonly totpPendingMs: number;
  /** Failed sign-ins of one account within the window that lock it. */
  readonly accountFailures: number;
  /** Failed sign-ins from one address within the window that block it. */
  readonly ipFailures: number;
  readonly windowMs: number;
}

export const DEFAULT_ACCOUNTS_POLICY: AccountsPolicy = {
  sessionIdleMs: 8 * HOUR,
  sessionAbsoluteMs: 7 * 24 * HOUR,
  totpPendingMs: 5 * MINUTE,
  accountFailures: 5,
  ipFailures: 30,
  windowMs: 15 * MINUTE,
};

export const LOCALES = ['ar', 'en'] as const;
export type UserLocale = (typeof LOCALES)[number];

export interface NewsroomUser {
  readonly id: number;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly locale: UserLocale;
  readonly disabled: boolean;
  /** Assigned sections (editors); empty means every section. */
  readonly sectionIds: readonly number[];
  readonly totpEnabled: boolean;
  readonly totpRequired: boolean;
  readonly authorId: number | null;
  readonly lastLoginAt: number | null;
  readonly createdAt: number;
}

/** What a valid session cookie resolves to. */
export interface SignedIn {
  readonly user: NewsroomUser;
  readonly actor: Actor;
  /** 'totp': the password was right, the second factor is still due; nothing else is allowed. */
  readonly stage: 'totp' | 'full';
  /** The synchronizer token every state-changing request of this session must carry. */
  readonly csrfToken: string;
  /** The account must enrol in two-factor authentication before doing anything else. */
  readonly mustEnrolTotp: boolean;
}

export type LoginResult =
  | { readonly kind: 'signedIn'; readonly token: string; readonly session: SignedIn }
  | { readonly kind: 'totpRequired'; readonly token: string; readonly session: SignedIn }
  | { readonly kind: 'refused'; readonly reason: 'invalid' | 'locked' | 'rateLimited' };

const email = z
  .string({ message: 'البريد الإلكتروني مطلوب.' })
  .trim()
  .toLowerCase()
  .max(320, 'البريد الإلكتروني أطول من المسموح.')
  .pipe(z.email({ message: 'البريد الإلكتروني غير صالح.' }));
const password = z
  .string({ message: 'كلمة المرور مطلوبة.' })
  .min(10, 'كلمة المرور قصيرة: عشرة أحرف على الأقل.')
  .max(200, 'كلمة المرور أطول من 200 حرف.');
const displayName = z.string({ message: 'الاسم مطلوب.' }).trim().min(1, 'الاسم مطلوب.').max(200, 'الاسم أطول من 200 حرف.');
const role = z.enum(ROLES, { message: 'الدور غير معروف.' });
const sectionIds = z.array(z.number().int().positive().max(MAX_ID), { message: 'الأقسام غير صالحة.' }).max(200).default([]);
const locale = z.enum(LOCALES, { message: 'اللغة غير مدعومة.' });

const newUserSchema = z.object({
  email,
  displayName,
  role,
  password,
  sectionIds,
  locale: locale.default('ar'),
  totpRequired: z.boolean().default(false),
  authorId: z.number().int().positive().max(MAX_ID).nullable().default(null),
});
export type NewUserInput = z.input<typeof newUserSchema>;

const userChangesSchema = z.object({
  displayName: displayName.optional(),
  role: role.optional(),
  sectionIds: z.array(z.number().int().positive().max(MAX_ID), { message: 'الأقسام غير صالحة.' }).max(200).optional(),
  locale: locale.optional(),
  disabled: z.boolean().optional(),
  totpRequired: z.boolean().optional(),
  authorId: z.number().int().positive().max(MAX_ID).nullable().optional(),
});
export type UserChanges = z.input<typeof userChangesSchema>;

function parse<T extends z.ZodType>(schema: T, input: unknown, message: string): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
  throw new InvalidInput(message, fields);
}

type UserRow = {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  locale: UserLocale;
  disabled: number;
  totp_enabled: number;
  totp_required: number;
  author_id: number | null;
  last_login_at: number | null;
  created_at: number;
};

const USER_COLUMNS = [
  'id',
  'email',
  'display_name',
  'role',
  'locale',
  'disabled',
  'totp_enabled',
  'totp_required',
  'author_id',
  'last_login_at',
  'created_at',
] as const;

function toUser(r: UserRow, sections: readonly number[]): NewsroomUser {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    locale: r.locale,
    disabled: r.disabled === 1,
    sectionIds: sections,
    totpEnabled: r.totp_enabled === 1,
    totpRequired: r.totp_required === 1,
    authorId: r.author_id,
    lastLoginAt: r.last_login_at === null ? null : Number(r.last_login_at),
    createdAt: Number(r.created_at),
  };
}

/** The access-rule view of an account: editors with no assigned sections edit every section. */
export function actorOf(user: Pick<NewsroomUser, 'id' | 'role' | 'sectionIds'>): Actor {
  const restricted = user.role === 'editor' && user.sectionIds.length > 0;
  return { userId: user.id, role: user.role, sections: restricted ? [...user.sectionIds] : 'all' };
}

/** What the audit log keeps of an account (never secrets). */
function auditView(u: NewsroomUser) {
  return {
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    locale: u.locale,
    disabled: u.disabled,
    sectionIds: u.sectionIds,
    totpEnabled: u.totpEnabled,
    totpRequired: u.totpRequired,
  };
}

function authorize(caller: Caller, self: number | null = null): void {
  if (isOperator(caller)) return;
  if (self !== null && caller.userId === self) return;
  if (!may(caller, 'users.manage')) throw new Forbidden('users.manage');
}

export function createAccountsService(deps: { db: Db; clock: Clock; policy?: Partial<AccountsPolicy>; issuer?: string }) {
  const { db, clock } = deps;
  const policy: AccountsPolicy = { ...DEFAULT_ACCOUNTS_POLICY, ...deps.policy };
  const issuer = deps.issuer ?? 'Minbar';
  // Verified against when the e-mail is unknown, so a wrong address costs as long as a wrong password.
  let dummyHash: Promise<string> | null = null;

  async function sectionsOf(q: Db | Tx, userId: number): Promise<number[]> {
    const rows = await q.selectFrom('user_sections').select('section_id').where('user_id', '=', userId).orderBy('section_id').execute();
    return rows.map((r) => r.section_id);
  }

  async function loadUser(q: Db | Tx, id: number): Promise<NewsroomUser | null> {
    const r = await q.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
    return r ? toUser(r, await sectionsOf(q, id)) : null;
  }

  async function mustLoad(q: Db | Tx, id: number): Promise<NewsroomUser> {
    const u = await loadUser(q, id);
    if (!u) throw new NotFound(`user ${id}`);
    return u;
  }

  async function setSections(trx: Tx, userId: number, ids: readonly number[]): Promise<void> {
    await trx.deleteFrom('user_sections').where('user_id', '=', userId).execute();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const known = await trx.selectFrom('sections').select('id').where('id', 'in', unique).execute();
    if (known.length !== unique.length) throw new InvalidInput('لم يُحفظ الحساب: بعض الحقول غير صالحة.', { sectionIds: 'قسم غير موجود.' });
    await trx.insertInto('user_sections').values(unique.map((section_id) => ({ user_id: userId, section_id }))).execute();
  }

  async function failures(key: string, now: number): Promise<number> {
    const since = now - policy.windowMs;
    const lastSuccess = await db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('key', '=', key)
      .where('success', '=', 1)
      .where('at', '>', since)
      .executeTakeFirst();
    const from = lastSuccess?.at !== undefined && lastSuccess.at !== null ? Math.max(since, Number(lastSuccess.at)) : since;
    const r = await db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', key)
      .where('success', '=', 0)
      .where('at', '>', from)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async function attempt(keys: readonly string[], success: boolean, at: number): Promise<void> {
    await db
      .insertInto('login_attempts')
      .values(keys.map((key) => ({ key, success: success ? 1 : 0, at })))
      .execute();
  }

  async function createSession(trx: Tx, userId: number, stage: 'totp' | 'full', meta: { ip?: string | null; userAgent?: string | null }) {
    const now = clock.now();
    const token = randomToken();
    const csrfToken = randomToken();
    await trx
      .insertInto('sessions')
      .values({
        token_hash: sha256(token),
        user_id: userId,
        stage,
        csrf_token: csrfToken,
        ip: meta.ip?.slice(0, 64) ?? null,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
        created_at: now,
        last_seen_at: now,
        expires_at: now + (stage === 'totp' ? policy.totpPendingMs : policy.sessionAbsoluteMs),
      })
      .execute();
    return { token, csrfToken };
  }

  function signedIn(user: NewsroomUser, stage: 'totp' | 'full', csrfToken: string): SignedIn {
    return { user, actor: actorOf(user), stage, csrfToken, mustEnrolTotp: stage === 'full' && user.totpRequired && !user.totpEnabled };
  }

  /** Accepts a TOTP code once: the step must be newer than the last accepted one. */
  async function acceptCode(trx: Tx, userId: number, secret: string, code: string): Promise<boolean> {
    const step = checkTotp(clock, secret, code);
    if (step === null) return false;
    const row = await trx.selectFrom('users').select('totp_last_step').where('id', '=', userId).executeTakeFirstOrThrow();
    if (row.totp_last_step !== null && Number(row.totp_last_step) >= step) return false;
    await trx.updateTable('users').set({ totp_last_step: step }).where('id', '=', userId).execute();
    return true;
  }

  async function writePassword(caller: Caller, userId: number, newPassword: string): Promise<void> {
    const p = parse(z.object({ password }), { password: newPassword }, 'لم تُغيَّر كلمة المرور.');
    const passwordHash = await hashPassword(p.password);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await mustLoad(trx, userId);
      await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', userId).execute();
      // Every session of the account ends: whoever knew the old password is signed out.
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      await recordAudit(trx, now, { actor: caller, action: 'user.setPassword', targetType: 'user', targetId: userId });
    });
  }

  const service = {
    policy,

    async createUser(caller: Caller, input: NewUserInput): Promise<NewsroomUser> {
      authorize(caller);
      const u = parse(newUserSchema, input, 'لم يُنشأ الحساب: بعض الحقول غير صالحة.');
      const passwordHash = await hashPassword(u.password);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom('users').select('id').where('email', '=', u.email).executeTakeFirst();
        if (taken) throw new InvalidInput('لم يُنشأ الحساب: بعض الحقول غير صالحة.', { email: 'يوجد حساب بهذا البريد الإلكتروني.' });
        const row = await trx
          .insertInto('users')
          .values({
            email: u.email,
            display_name: u.displayName,
            role: u.role,
            locale: u.locale,
            disabled: 0,
            password_hash: passwordHash,
            totp_enabled: 0,
            totp_required: u.totpRequired ? 1 : 0,
            author_id: u.authorId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await setSections(trx, row.id, u.sectionIds);
        const user = await mustLoad(trx, row.id);
        await recordAudit(trx, now, { actor: caller, action: 'user.create', targetType: 'user', targetId: user.id, after: auditView(user) });
        return user;
      });
    },

    async updateUser(caller: Caller, userId: number, changes: UserChanges): Promise<NewsroomUser> {
      authorize(caller);
      const c = parse(userChangesSchema, changes, 'لم يُحفظ الحساب: بعض الحقول غير صالحة.');
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const before = await mustLoad(trx, userId);
        if (!isOperator(caller) && caller.userId === userId && (c.disabled === true || (c.role !== undefined && c.role !== 'admin'))) {
          // An administrator cannot lock themselves out of the site by accident.
          throw new InvalidInput('لا يمكنك تعطيل حسابك أو خفض صلاحياته بنفسك.', { role: 'اطلب ذلك من مدير آخر.' });
        }
        await trx
          .updateTable('users')
          .set({
            ...(c.displayName !== undefined ? { display_name: c.displayName } : {}),
            ...(c.role !== undefined ? { role: c.role } : {}),
            ...(c.locale !== undefined ? { locale: c.locale } : {}),
            ...(c.disabled !== undefined ? { disabled: c.disabled ? 1 : 0 } : {}),
            ...(c.totpRequired !== undefined ? { totp_required: c.totpRequired ? 1 : 0 } : {}),
            ...(c.authorId !== undefined ? { author_id: c.authorId } : {}),
            updated_at: now,
          })
          .where('id', '=', userId)
          .execute();
        if (c.sectionIds !== undefined) await setSections(trx, userId, c.sectionIds);
        // A disabled account, or one whose rights changed, starts over: its sessions end now.
        if (c.disabled === true || (c.role !== undefined && c.role !== before.role)) {
          await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        }
        const after = await mustLoad(trx, userId);
        await recordAudit(trx, now, {
          actor: caller,
          action: c.disabled === true && !before.disabled ? 'user.disable' : 'user.update',
          targetType: 'user',
          targetId: userId,
          before: auditView(before),
          after: auditView(after),
        });
        return after;
      });
    },

    async disableUser(caller: Caller, userId: number): Promise<NewsroomUser> {
      return service.updateUser(caller, userId, { disabled: true });
    },

    /** Administrators (and the CLI) set an account's password; every session of the account ends. */
    async setPassword(caller: Caller, userId: number, newPassword: string): Promise<void> {
      authorize(caller);
      await writePassword(caller, userId, newPassword);
    },

    /** A member changes their own password, proving they know the current one. */
    async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
      const row = await db.selectFrom('users').select('password_hash').where('id', '=', actor.userId).executeTakeFirst();
      if (!row || !(await verifyPassword(row.password_hash, currentPassword))) {
        throw new InvalidInput('لم تُغيَّر كلمة المرور.', { currentPassword: 'كلمة المرور الحالية غير صحيحة.' });
      }
      await writePassword(actor, actor.userId, newPassword);
    },

    async listUsers(caller: Caller): Promise<NewsroomUser[]> {
      authorize(caller);
      const rows = await db.selectFrom('users').select(USER_COLUMNS).orderBy('display_name').orderBy('id').execute();
      const links = await db.selectFrom('user_sections').select(['user_id', 'section_id']).orderBy('section_id').execute();
      const byUser = new Map<number, number[]>();
      for (const l of links) byUser.set(l.user_id, [...(byUser.get(l.user_id) ?? []), l.section_id]);
      return rows.map((r) => toUser(r, byUser.get(r.id) ?? []));
    },

    async getUser(caller: Caller, userId: number): Promise<NewsroomUser> {
      authorize(caller, userId);
      return mustLoad(db, userId);
    },

    async findByEmail(caller: Caller, address: string): Promise<NewsroomUser | null> {
      authorize(caller);
      const r = await db.selectFrom('users').select('id').where('email', '=', address.trim().toLowerCase()).executeTakeFirst();
      return r ? mustLoad(db, r.id) : null;
    },

    async countUsers(): Promise<number> {
      const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /**
     * Checks a password and opens a new session (a fresh token every time: a token planted before sign-in
     * is never promoted). `previousToken`, the cookie the browser sent, is deleted.
     */
    async login(input: { email: string; password: string; ip: string; userAgent?: string | null; previousToken?: string | null }): Promise<LoginResult> {
      const now = clock.now();
      const address = String(input.email ?? '').trim().toLowerCase().slice(0, 320);
      const accountKey = `account:${address}`;
      const ipKey = `ip:${input.ip}`;
      if ((await failures(ipKey, now)) >= policy.ipFailures) return { kind: 'refused', reason: 'rateLimited' };
      if ((await failures(accountKey, now)) >= policy.accountFailures) {
        await attempt([ipKey], false, now);
        return { kind: 'refused', reason: 'locked' };
      }
      const row = await db.selectFrom('users').select(['id', 'password_hash', 'disabled', 'totp_enabled']).where('email', '=', address).executeTakeFirst();
      dummyHash ??= hashPassword(randomToken());
      const ok = await verifyPassword(row?.password_hash ?? (await dummyHash), String(input.password ?? ''));
      if (!row || !ok || row.disabled === 1) {
        await attempt([accountKey, ipKey], false, now);
        return { kind: 'refused', reason: 'invalid' };
      }
      const stage = row.totp_enabled === 1 ? 'totp' : 'full';
      const opened = await db.transaction().execute(async (trx) => {
        if (input.previousToken) await trx.deleteFrom('sessions').where('token_hash', '=', sha256(input.previousToken)).execute();
        const s = await createSession(trx, row.id, stage, { ip: input.ip, userAgent: input.userAgent ?? null });
        if (stage === 'full') {
          await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', row.id).execute();
          await recordAudit(trx, now, { actor: { userId: row.id, role: 'writer', sections: 'all' }, action: 'auth.login', targetType: 'user', targetId: row.id, ip: input.ip });
        }
        return s;
      });
      if (stage === 'full') await attempt([accountKey], true, now);
      await db.deleteFrom('login_attempts').where('at', '<', now - 24 * HOUR).execute();
      const user = await mustLoad(db, row.id);
      const session = signedIn(user, stage, opened.csrfToken);
      return stage === 'full' ? { kind: 'signedIn', token: opened.token, session } : { kind: 'totpRequired', token: opened.token, session };
    },

    /** The second step of a sign-in with two-factor authentication: a pending session becomes a full one. */
    async completeTotpLogin(input: { token: string; code: string; ip: string; userAgent?: string | null }): Promise<LoginResult> {
      const now = clock.now();
      const pending = await db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.token_hash', 's.expires_at', 'u.id', 'u.email', 'u.totp_secret', 'u.disabled'])
        .where('s.token_hash', '=', sha256(input.token))
        .where('s.stage', '=', 'totp')
        .executeTakeFirst();
      if (!pending || Number(pending.expires_at) <= now || pending.disabled === 1 || !pending.totp_secret) {
        return { kind: 'refused', reason: 'invalid' };
      }
      const accountKey = `account:${pending.email}`;
      const ipKey = `ip:${input.ip}`;
      if ((await failures(ipKey, now)) >= policy.ipFailures) return { kind: 'refused', reason: 'rateLimited' };
      if ((await failures(accountKey, now)) >= policy.accountFailures) {
        await db.deleteFrom('sessions').where('token_hash', '=', pending.token_hash).execute();
        return { kind: 'refused', reason: 'locked' };
      }
      const secret = pending.totp_secret;
      const opened = await db.transaction().execute(async (trx) => {
        if (!(await acceptCode(trx, pending.id, secret, input.code))) return null;
        await trx.deleteFrom('sessions').where('token_hash', '=', pending.token_hash).execute();
        const s = await createSession(trx, pending.id, 'full', { ip: input.ip, userAgent: input.userAgent ?? null });
        await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', pending.id).execute();
        await recordAudit(trx, now, { actor: { userId: pending.id, role: 'writer', sections: 'all' }, action: 'auth.login', targetType: 'user', targetId: pending.id, after: { totp: true }, ip: input.ip });
        return s;
      });
      if (!opened) {
        await attempt([accountKey, ipKey], false, now);
        return { kind: 'refused', reason: 'invalid' };
      }
      await attempt([accountKey], true, now);
      const user = await mustLoad(db, pending.id);
      return { kind: 'signedIn', token: opened.token, session: signedIn(user, 'full', opened.csrfToken) };
    },

    /** Resolves a session cookie; null when unknown, expired (idle or absolute) or the account is disabled. */
    async authenticate(token: string | null | undefined): Promise<SignedIn | null> {
      if (!token || token.length > 200) return null;
      const now = clock.now();
      const hash = sha256(token);
      const s = await db.selectFrom('sessions').selectAll().where('token_hash', '=', hash).executeTakeFirst();
      if (!s) return null;
      const idleLimit = s.stage === 'totp' ? policy.totpPendingMs : policy.sessionIdleMs;
      if (Number(s.expires_at) <= now || Number(s.last_seen_at) + idleLimit <= now) {
        await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
        return null;
      }
      const user = await loadUser(db, s.user_id);
      if (!user || user.disabled) return null;
      // Sliding idle expiry, written at most once a minute.
      if (now - Number(s.last_seen_at) > MINUTE) {
        await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
      }
      return signedIn(user, s.stage, s.csrf_token);
    },

    async logout(token: string | null | undefined): Promise<void> {
      if (!token) return;
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const s = await trx.selectFrom('sessions').select(['user_id', 'stage']).where('token_hash', '=', sha256(token)).executeTakeFirst();
        if (!s) return;
        await trx.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
        if (s.stage === 'full') await recordAudit(trx, now, { actor: { userId: s.user_id, role: 'writer', sections: 'all' }, action: 'auth.logout', targetType: 'user', targetId: s.user_id });
      });
    },

    /** Starts (or restarts) enrolment: a new secret, not active until a code from it is confirmed. */
    async beginTotpEnrolment(actor: Actor): Promise<{ secret: string; uri: string; qrDataUrl: string }> {
      const user = await mustLoad(db, actor.userId);
      if (user.totpEnabled) throw new InvalidInput('التحقق بخطوتين مفعّل بالفعل.', { code: 'عطّله أولًا لإعادة التسجيل.' });
      const secret = newTotpSecret();
      await db.updateTable('users').set({ totp_secret: secret, totp_last_step: null, updated_at: clock.now() }).where('id', '=', actor.userId).execute();
      const uri = totpUri(secret, user.email, issuer);
      return { secret, uri, qrDataUrl: await qrDataUrl(uri) };
    },

    /** The enrolment in progress (secret set, not yet confirmed), to show its QR code again. */
    async pendingTotpEnrolment(actor: Actor): Promise<{ secret: string; uri: string; qrDataUrl: string } | null> {
      const row = await db.selectFrom('users').select(['email', 'totp_secret', 'totp_enabled']).where('id', '=', actor.userId).executeTakeFirst();
      if (!row || row.totp_enabled === 1 || !row.totp_secret) return null;
      const uri = totpUri(row.totp_secret, row.email, issuer);
      return { secret: row.totp_secret, uri, qrDataUrl: await qrDataUrl(uri) };
    },

    async confirmTotpEnrolment(actor: Actor, code: string): Promise<void> {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('users').select(['totp_secret', 'totp_enabled']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
        if (row.totp_enabled === 1) return;
        if (!row.totp_secret || !(await acceptCode(trx, actor.userId, row.totp_secret, String(code ?? '')))) {
          throw new InvalidInput('لم يُفعَّل التحقق بخطوتين.', { code: 'الرمز غير صحيح أو انتهت صلاحيته.' });
        }
        await trx.updateTable('users').set({ totp_enabled: 1, updated_at: now }).where('id', '=', actor.userId).execute();
        await recordAudit(trx, now, { actor, action: 'user.totpEnable', targetType: 'user', targetId: actor.userId, before: { totpEnabled: false }, after: { totpEnabled: true } });
      });
    },

    /** A member turns their own second factor off (with a current code), unless an administrator requires it. */
    async disableTotp(actor: Actor, code: string): Promise<void> {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('users').select(['totp_secret', 'totp_enabled', 'totp_required']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
        if (row.totp_enabled !== 1) return;
        if (row.totp_required === 1) throw new InvalidInput('التحقق بخطوتين إلزامي لهذا الحساب.', { code: 'لا يمكن تعطيله.' });
        if (!row.totp_secret || !(await acceptCode(trx, actor.userId, row.totp_secret, String(code ?? '')))) {
          throw new InvalidInput('لم يُعطَّل التحقق بخطوتين.', { code: 'الرمز غير صحيح أو انتهت صلاحيته.' });
        }
        await trx.updateTable('users').set({ totp_enabled: 0, totp_secret: null, updated_at: now }).where('id', '=', actor.userId).execute();
        await recordAudit(trx, now, { actor, action: 'user.totpDisable', targetType: 'user', targetId: actor.userId, before: { totpEnabled: true }, after: { totpEnabled: false } });
      });
    },

    /** An administrator resets a member's second factor (a lost phone); they enrol again at next sign-in if required. */
    async resetTotp(caller: Caller, userId: number): Promise<void> {
      authorize(caller);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await mustLoad(trx, userId);
        await trx.updateTable('users').set({ totp_enabled: 0, totp_secret: null, totp_last_step: null, updated_at: now }).where('id', '=', userId).execute();
        await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        await recordAudit(trx, now, { actor: caller, action: 'user.totpReset', targetType: 'user', targetId: userId });
      });
    },

    async setOwnLocale(actor: Actor, value: UserLocale): Promise<void> {
      const l = parse(locale, value, 'اللغة غير مدعومة.');
      await db.updateTable('users').set({ locale: l, updated_at: clock.now() }).where('id', '=', actor.userId).execute();
    },

    /** Constant-time check of a request's CSRF token against its session's. */
    csrfMatches(session: SignedIn, sent: string | null | undefined): boolean {
      return typeof sent === 'string' && sent.length > 0 && sameSecret(sent, session.csrfToken);
    },
  };
  return service;
}

export type AccountsService = ReturnType<typeof createAccountsService>;
