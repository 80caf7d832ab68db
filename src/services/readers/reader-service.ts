// Reader accounts for commenting: sign-up with email, password (argon2id) and display name; database
// sessions separate from the newsroom's, each with its own CSRF token; export of one's comments; and
// account deletion that keeps threads' shape while removing the text. Must not know HTTP or cookies.
import { z } from 'zod';
import { InvalidInput } from '../../domain/index.js';
import type { Db } from '../../db/index.js';
import type { Clock } from '../clock.js';
import { hashPassword, randomToken, sha256, verifyPassword } from '../accounts/secrets.js';
import type { CommentingReader } from '../comments/comment-service.js';

const DAY = 86_400_000;
export const READER_SESSION_MS = 30 * DAY;
const FAILURE_WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;
const SIGNUP_WINDOW_MS = 60 * 60_000;
export const SIGNUPS_PER_NETWORK = 5;

const email = z.string().trim().toLowerCase().max(320).email();
const signUpSchema = z.object({
  email,
  password: z.string().min(10).max(200),
  displayName: z
    .string()
    // eslint-disable-next-line no-control-regex -- names lose control characters and bidi overrides
    .transform((s) => s.replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, '').replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(2).max(50)),
});

export interface ReaderAccount extends CommentingReader {
  readonly email: string;
  readonly createdAt: number;
}

export interface ReaderSignedIn {
  readonly reader: ReaderAccount;
  readonly csrfToken: string;
}

export interface ReaderExport {
  readonly account: { readonly email: string; readonly displayName: string; readonly createdAt: string };
  readonly comments: ReadonlyArray<{ readonly id: number; readonly articleId: number; readonly articleTitle: string; readonly body: string; readonly status: string; readonly createdAt: string; readonly editedAt: string | null }>;
}

type Row = { id: number; email: string; display_name: string; status: ReaderAccount['status']; suspended_until: number | null; created_at: number };

function account(r: Row): ReaderAccount {
  return { id: r.id, email: r.email, displayName: r.display_name, status: r.status, suspendedUntil: r.suspended_until === null ? null : Number(r.suspended_until), createdAt: Number(r.created_at) };
}

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? 'form')] ??= 'invalid';
  return fields;
}

export function createReaderService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function startSession(readerId: number): Promise<{ token: string; csrfToken: string }> {
    const token = randomToken();
    const csrfToken = randomToken();
    const now = clock.now();
    await db.insertInto('reader_sessions').values({ token_hash: sha256(token), reader_id: readerId, csrf_token: csrfToken, created_at: now, expires_at: now + READER_SESSION_MS }).execute();
    return { token, csrfToken };
  }

  async function failures(key: string): Promise<number> {
    const r = await db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', key)
      .where('success', '=', 0)
      .where('at', '>', clock.now() - FAILURE_WINDOW_MS)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  return {
    /** Creates the account and signs it in. A taken address answers like a bad one, field `email`. */
    async signUp(input: { email: string; password: string; displayName: string }, origin: { network?: string } = {}): Promise<{ token: string; session: ReaderSignedIn }> {
      // Accounts made in bulk from one network are a flood too: a few an hour per (hashed) network.
      const key = origin.network ? `reader-signup:${origin.network}` : null;
      if (key) {
        const r = await db.selectFrom('login_attempts').select((eb) => eb.fn.countAll<number>().as('n')).where('key', '=', key).where('at', '>', clock.now() - SIGNUP_WINDOW_MS).executeTakeFirstOrThrow();
        if (Number(r.n) >= SIGNUPS_PER_NETWORK) throw new InvalidInput('محاولات كثيرة.', { form: 'rateLimited' });
      }
      const parsed = signUpSchema.safeParse(input);
      if (!parsed.success) throw new InvalidInput('بيانات التسجيل غير صالحة.', fieldsOf(parsed.error));
      const { email: address, password, displayName } = parsed.data;
      const exists = await db.selectFrom('readers').select('id').where('email', '=', address).executeTakeFirst();
      if (exists) throw new InvalidInput('بيانات التسجيل غير صالحة.', { email: 'taken' });
      const now = clock.now();
      const passwordHash = await hashPassword(password);
      const row = await db
        .insertInto('readers')
        .values({ email: address, display_name: displayName, password_hash: passwordHash, status: 'active', suspended_until: null, status_reason: null, created_at: now, updated_at: now })
        .returning(['id', 'email', 'display_name', 'status', 'suspended_until', 'created_at'])
        .executeTakeFirstOrThrow();
      if (key) await db.insertInto('login_attempts').values({ key, success: 1, at: now }).execute();
      const { token, csrfToken } = await startSession(row.id);
      return { token, session: { reader: account(row), csrfToken } };
    },

    /** Null for a wrong address or password (the same answer for both), or after too many failures. */
    async signIn(input: { email: string; password: string }): Promise<{ token: string; session: ReaderSignedIn } | { error: 'invalid' | 'locked' }> {
      const address = email.safeParse(input.email);
      if (!address.success || typeof input.password !== 'string' || input.password.length > 200) return { error: 'invalid' };
      const key = `reader:${address.data}`;
      if ((await failures(key)) >= MAX_FAILURES) return { error: 'locked' };
      const r = await db.selectFrom('readers').selectAll().where('email', '=', address.data).executeTakeFirst();
      const ok = r && r.status !== 'deleted' && r.password_hash !== '' ? await verifyPassword(r.password_hash, input.password) : false;
      await db.insertInto('login_attempts').values({ key, success: ok ? 1 : 0, at: clock.now() }).execute();
      if (!r || !ok) return { error: 'invalid' };
      const { token, csrfToken } = await startSession(r.id);
      return { token, session: { reader: account(r), csrfToken } };
    },

    async authenticate(token: string | null | undefined): Promise<ReaderSignedIn | null> {
      if (!token || token.length > 200) return null;
      const r = await db
        .selectFrom('reader_sessions as s')
        .innerJoin('readers as r', 'r.id', 's.reader_id')
        .select(['r.id', 'r.email', 'r.display_name', 'r.status', 'r.suspended_until', 'r.created_at', 's.csrf_token', 's.expires_at'])
        .where('s.token_hash', '=', sha256(token))
        .executeTakeFirst();
      if (!r || Number(r.expires_at) <= clock.now() || r.status === 'deleted') return null;
      return { reader: account(r), csrfToken: r.csrf_token };
    },

    async signOut(token: string | null | undefined): Promise<void> {
      if (token) await db.deleteFrom('reader_sessions').where('token_hash', '=', sha256(token)).execute();
    },

    /** The reader's comments, newest first (every status: it is their own text). */
    async myComments(readerId: number, limit = 50) {
      const rows = await db
        .selectFrom('comments as c')
        .innerJoin('articles as a', 'a.id', 'c.article_id')
        .innerJoin('sections as s', 's.id', 'a.section_id')
        .select(['c.id', 'c.body', 'c.html', 'c.status', 'c.created_at', 'c.article_id', 'a.title', 'a.slug', 's.slug as section_slug'])
        .where('c.reader_id', '=', readerId)
        .where('c.status', '!=', 'deleted')
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        html: r.html,
        status: r.status,
        createdAt: Number(r.created_at),
        article: { id: r.article_id, title: r.title, slug: r.slug, sectionSlug: r.section_slug },
      }));
    },

    /** Everything the reader wrote, as data they can take away. */
    async exportData(readerId: number): Promise<ReaderExport> {
      const r = await db.selectFrom('readers').selectAll().where('id', '=', readerId).executeTakeFirstOrThrow();
      const rows = await db
        .selectFrom('comments as c')
        .innerJoin('articles as a', 'a.id', 'c.article_id')
        .select(['c.id', 'c.article_id', 'a.title', 'c.body', 'c.status', 'c.created_at', 'c.edited_at'])
        .where('c.reader_id', '=', readerId)
        .orderBy('c.created_at', 'asc')
        .execute();
      const iso = (t: number) => new Date(Number(t)).toISOString();
      return {
        account: { email: r.email, displayName: r.display_name, createdAt: iso(r.created_at) },
        comments: rows.map((c) => ({ id: c.id, articleId: c.article_id, articleTitle: c.title, body: c.body, status: c.status, createdAt: iso(c.created_at), editedAt: c.edited_at === null ? null : iso(c.edited_at) })),
      };
    },

    /**
     * Deletes the account after checking the password: every comment keeps its place (replies stay
     * attached) but loses its text and name; the address, password and sessions are erased.
     */
    async deleteAccount(readerId: number, password: string): Promise<boolean> {
      const r = await db.selectFrom('readers').select(['password_hash']).where('id', '=', readerId).executeTakeFirst();
      if (!r || !(await verifyPassword(r.password_hash, password))) return false;
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('comments').set({ status: 'deleted', body: '', html: '', author_name: '', featured: 0, body_hash: null, edited_at: now }).where('reader_id', '=', readerId).execute();
        await trx.deleteFrom('reader_sessions').where('reader_id', '=', readerId).execute();
        await trx
          .updateTable('readers')
          .set({ email: `deleted-${readerId}@invalid`, display_name: '', password_hash: '', status: 'deleted', updated_at: now })
          .where('id', '=', readerId)
          .execute();
        await trx.insertInto('comment_moderation_log').values({ at: now, actor_user_id: null, actor_label: `reader:${readerId}`, action: 'reader.deleteAccount', comment_id: null, reader_id: readerId, reason: '' }).execute();
      });
      return true;
    },
  };
}

export type ReaderService = ReturnType<typeof createReaderService>;
