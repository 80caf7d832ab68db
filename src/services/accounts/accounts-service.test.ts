import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Forbidden, InvalidInput } from '../../domain/index.js';
import { testDialects } from '../../db/index.js';
import { fixedClock } from '../clock.js';
import { CLI_OPERATOR, createAuditService } from '../audit/audit-log.js';
import { createAccountsService, type LoginResult } from './accounts-service.js';
import { currentTotp } from './totp.js';

const T0 = Date.UTC(2026, 10, 29, 9, 0, 0);
const PASSWORD = 'كلمة-سر-طويلة-1';

function token(r: LoginResult): string {
  assert.notEqual(r.kind, 'refused', JSON.stringify(r));
  return (r as { token: string }).token;
}

for (const dialect of testDialects()) {
  test(`accounts on ${dialect.name}`, async (t) => {
    const handle = await dialect.open();
    const clock = fixedClock(T0);
    const accounts = createAccountsService({ db: handle.db, clock, policy: { ipFailures: 8 } });
    const audit = createAuditService({ db: handle.db });
    t.after(() => handle.close());
    const section = await handle.db
      .insertInto('sections')
      .values({ slug: 'politics', name: 'سياسة', description: '', parent_id: null, position: 0, in_nav: 1, created_at: T0 })
      .returning('id')
      .executeTakeFirstOrThrow();

    const admin = await accounts.createUser(CLI_OPERATOR, { email: ' Admin@Example.org ', displayName: 'مديرة', role: 'admin', password: PASSWORD });
    const adminActor = { userId: admin.id, role: 'admin' as const, sections: 'all' as const };
    const editor = await accounts.createUser(adminActor, { email: 'ed@example.org', displayName: 'محرر', role: 'editor', password: PASSWORD, sectionIds: [section.id] });

    await t.test('passwords are argon2id hashes, e-mails are normalised, editors carry their sections', async () => {
      const row = await handle.db.selectFrom('users').select(['password_hash', 'email']).where('id', '=', admin.id).executeTakeFirstOrThrow();
      assert.match(row.password_hash, /^\$argon2id\$/);
      assert.equal(row.email, 'admin@example.org');
      assert.deepEqual(editor.sectionIds, [section.id]);
    });

    await t.test('bad input is refused with Arabic field messages and writes nothing', async () => {
      await assert.rejects(
        accounts.createUser(adminActor, { email: 'not-an-email', displayName: '', role: 'admin', password: 'short' }),
        (e: unknown) => e instanceof InvalidInput && /البريد/.test(e.fields['email'] ?? '') && /عشرة/.test(e.fields['password'] ?? ''),
      );
      await assert.rejects(accounts.createUser(adminActor, { email: 'admin@example.org', displayName: 'x', role: 'admin', password: PASSWORD }), InvalidInput);
      assert.equal(await accounts.countUsers(), 2);
    });

    await t.test('only administrators manage accounts (the service asks the matrix)', async () => {
      const editorActor = { userId: editor.id, role: 'editor' as const, sections: [section.id] };
      await assert.rejects(accounts.createUser(editorActor, { email: 'w@example.org', displayName: 'w', role: 'writer', password: PASSWORD }), Forbidden);
      await assert.rejects(accounts.listUsers(editorActor), Forbidden);
      await assert.rejects(audit.list(editorActor), Forbidden);
    });

    await t.test('login rotates the token and logout ends the session', async () => {
      const first = token(await accounts.login({ email: 'ed@example.org', password: PASSWORD, ip: '10.0.0.1' }));
      const s = await accounts.authenticate(first);
      assert.equal(s?.user.id, editor.id);
      assert.deepEqual(s?.actor, { userId: editor.id, role: 'editor', sections: [section.id] });
      const second = token(await accounts.login({ email: 'ed@example.org', password: PASSWORD, ip: '10.0.0.1', previousToken: first }));
      assert.notEqual(first, second);
      assert.equal(await accounts.authenticate(first), null, 'the pre-login token is dead');
      const stored = await handle.db.selectFrom('sessions').select('token_hash').execute();
      assert.ok(stored.every((r) => r.token_hash !== second && r.token_hash.length === 64), 'only digests are stored');
      await accounts.logout(second);
      assert.equal(await accounts.authenticate(second), null);
    });

    await t.test('sessions expire when idle and absolutely', async () => {
      const tok = token(await accounts.login({ email: 'ed@example.org', password: PASSWORD, ip: '10.0.0.2' }));
      clock.advance(accounts.policy.sessionIdleMs - 60_000);
      assert.ok(await accounts.authenticate(tok), 'still alive just before the idle limit');
      clock.advance(accounts.policy.sessionIdleMs + 1);
      assert.equal(await accounts.authenticate(tok), null, 'idle expiry');
      const tok2 = token(await accounts.login({ email: 'ed@example.org', password: PASSWORD, ip: '10.0.0.2' }));
      for (let at = 0; at < accounts.policy.sessionAbsoluteMs; at += accounts.policy.sessionIdleMs / 2) {
        clock.advance(accounts.policy.sessionIdleMs / 2);
        if (at + accounts.policy.sessionIdleMs / 2 < accounts.policy.sessionAbsoluteMs) assert.ok(await accounts.authenticate(tok2));
      }
      assert.equal(await accounts.authenticate(tok2), null, 'absolute expiry despite activity');
    });

    await t.test('five wrong passwords lock the account for the window, even with the right password', async () => {
      for (let i = 0; i < accounts.policy.accountFailures; i++) {
        assert.deepEqual(await accounts.login({ email: 'ed@example.org', password: 'wrong-password', ip: `10.1.0.${i}` }), { kind: 'refused', reason: 'invalid' });
      }
      assert.deepEqual(await accounts.login({ email: 'ed@example.org', password: PASSWORD, ip: '10.1.1.1' }), { kind: 'refused', reason: 'locked' });
      clock.advance(accounts.policy.windowMs + 1);
      token(await accounts.login({ email: 'ed@example.org', password: PASSWORD, ip: '10.1.1.1' }));
    });

    await t.test('one address failing across many accounts is rate limited', async () => {
      for (let i = 0; i < accounts.policy.ipFailures; i++) {
        await accounts.login({ email: `nobody${i}@example.org`, password: 'wrong-password', ip: '10.9.9.9' });
      }
      assert.deepEqual(await accounts.login({ email: 'admin@example.org', password: PASSWORD, ip: '10.9.9.9' }), { kind: 'refused', reason: 'rateLimited' });
      token(await accounts.login({ email: 'admin@example.org', password: PASSWORD, ip: '10.9.9.10' }));
    });

    await t.test('a disabled account cannot sign in and loses its sessions', async () => {
      const w = await accounts.createUser(adminActor, { email: 'w@example.org', displayName: 'كاتب', role: 'writer', password: PASSWORD });
      const tok = token(await accounts.login({ email: 'w@example.org', password: PASSWORD, ip: '10.2.0.1' }));
      await accounts.disableUser(adminActor, w.id);
      assert.equal(await accounts.authenticate(tok), null);
      assert.deepEqual(await accounts.login({ email: 'w@example.org', password: PASSWORD, ip: '10.2.0.1' }), { kind: 'refused', reason: 'invalid' });
    });

    await t.test('TOTP: enrolment, two-step login, no code reused', async () => {
      const ed = { userId: editor.id, role: 'editor' as const, sections: [section.id] };
      const e = await accounts.beginTotpEnrolment(ed);
      assert.match(e.qrDataUrl, /^data:image\/png;base64,/);
      assert.match(e.uri, /^otpauth:\/\/totp\//);
      await assert.rejects(accounts.confirmTotpEnrolment(ed, '000000'), InvalidInput);
      await accounts.confirmTotpEnrolment(ed, currentTotp(clock, e.secret));
      clock.advance(30_000);
      const pending = await accounts.login({ email: 'ed@example.org', password: PASSWORD, ip: '10.3.0.1' });
      assert.equal(pending.kind, 'totpRequired');
      const pendingToken = token(pending);
      const half = await accounts.authenticate(pendingToken);
      assert.equal(half?.stage, 'totp');
      assert.deepEqual(await accounts.completeTotpLogin({ token: pendingToken, code: '123456', ip: '10.3.0.1' }), { kind: 'refused', reason: 'invalid' });
      const code = currentTotp(clock, e.secret);
      const full = await accounts.completeTotpLogin({ token: pendingToken, code, ip: '10.3.0.1' });
      assert.equal(full.kind, 'signedIn');
      assert.notEqual(token(full), pendingToken, 'the second step rotates the token again');
      assert.equal((await accounts.authenticate(token(full)))?.stage, 'full');
      const again = token(await accounts.login({ email: 'ed@example.org', password: PASSWORD, ip: '10.3.0.1' }));
      assert.equal((await accounts.completeTotpLogin({ token: again, code, ip: '10.3.0.1' })).kind, 'refused', 'a code is accepted once');
    });

    await t.test('an administrator can require two-factor authentication', async () => {
      await accounts.updateUser(adminActor, admin.id, { totpRequired: true });
      const s = await accounts.authenticate(token(await accounts.login({ email: 'admin@example.org', password: PASSWORD, ip: '10.4.0.1' })));
      assert.equal(s?.mustEnrolTotp, true);
    });

    await t.test('every account change is in the audit log with before and after', async () => {
      const entries = await audit.list(adminActor, { targetType: 'user', targetId: String(admin.id) });
      const update = entries.find((e) => e.action === 'user.update');
      assert.deepEqual((update?.before as { totpRequired: boolean }).totpRequired, false);
      assert.deepEqual((update?.after as { totpRequired: boolean }).totpRequired, true);
      const created = entries.find((e) => e.action === 'user.create');
      assert.equal(created?.actorLabel, 'cli');
      const all = await audit.list(adminActor, { limit: 200 });
      assert.ok(all.some((e) => e.action === 'user.disable'));
      assert.ok(all.some((e) => e.action === 'auth.login' && e.ip === '10.0.0.1'));
      assert.ok(all.every((e) => !JSON.stringify(e).includes('argon2')), 'no secret in the log');
    });
  });
}
