import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../db/index.js';
import { CLI_OPERATOR, createAccountsService, fixedClock } from '../services/index.js';
import { seedDemoAccounts, userCommand } from './user-command.js';

for (const dialect of testDialects()) {
  test(`minbar user … on ${dialect.name}`, async () => {
    const handle = await dialect.open();
    try {
      const accounts = createAccountsService({ db: handle.db, clock: fixedClock(Date.UTC(2026, 10, 29)) });
      const out: string[] = [];
      const err: string[] = [];
      const passwords = ['a-long-password-1', 'another-password-2'];
      const deps = { accounts, log: (l: string) => out.push(l), error: (l: string) => err.push(l), readPassword: async () => passwords.shift() ?? '' };

      assert.equal(await userCommand(['create', '--email', 'Chief@Example.org', '--name', 'رئيسة التحرير', '--role', 'admin', '--password-stdin'], deps), 0);
      assert.equal(await userCommand(['create', '--email', 'x@example.org', '--name', 'x', '--role', 'emperor'], deps), 2, 'unknown role → usage');
      assert.equal(await userCommand(['list'], deps), 0);
      assert.match(out.join('\n'), /admin\s+chief@example\.org\s+رئيسة التحرير\s+\(active\)/);

      assert.equal(await userCommand(['set-password', '--email', 'chief@example.org'], deps), 0);
      const ok = await accounts.login({ email: 'chief@example.org', password: 'another-password-2', ip: '127.0.0.1' });
      assert.equal(ok.kind, 'signedIn');

      assert.equal(await userCommand(['disable', '--email', 'chief@example.org'], deps), 0);
      assert.equal((await accounts.login({ email: 'chief@example.org', password: 'another-password-2', ip: '127.0.0.1' })).kind, 'refused');
      assert.equal(await userCommand(['disable', '--email', 'nobody@example.org'], deps), 1);

      // A too-short password is refused with the service's Arabic message.
      passwords.push('short');
      assert.equal(await userCommand(['create', '--email', 'y@example.org', '--name', 'y', '--role', 'writer'], deps), 1);
      assert.ok(err.some((l) => l.includes('عشرة')));

      const printed: string[] = [];
      assert.deepEqual(await seedDemoAccounts(accounts, (l) => printed.push(l)), [], 'never on a site that has accounts');
      const fresh = await dialect.open();
      try {
        const demo = createAccountsService({ db: fresh.db, clock: fixedClock(Date.UTC(2026, 10, 29)) });
        const created = await seedDemoAccounts(demo, (l) => printed.push(l));
        assert.deepEqual(created.map((c) => c.role), ['admin', 'editor', 'writer', 'moderator']);
        for (const c of created) {
          assert.ok(printed.some((l) => l.includes(c.email) && l.includes(c.password)));
          assert.equal((await demo.login({ email: c.email, password: c.password, ip: '127.0.0.2' })).kind, 'signedIn');
        }
        assert.equal((await demo.listUsers(CLI_OPERATOR)).length, 4);
      } finally {
        await fresh.close();
      }
    } finally {
      await handle.close();
    }
  });
}
