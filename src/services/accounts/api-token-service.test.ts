import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Forbidden, InvalidInput, decide } from '../../domain/index.js';
import { testDialects } from '../../db/index.js';
import { fixedClock } from '../clock.js';
import { CLI_OPERATOR, createAuditService } from '../audit/audit-log.js';
import { createAccountsService } from './accounts-service.js';
import { createApiTokenService } from './api-token-service.js';

for (const dialect of testDialects()) {
  test(`API tokens on ${dialect.name}`, async () => {
    const handle = await dialect.open();
    try {
      const clock = fixedClock(Date.UTC(2026, 10, 29));
      const accounts = createAccountsService({ db: handle.db, clock });
      const tokens = createApiTokenService({ db: handle.db, clock });
      const admin = await accounts.createUser(CLI_OPERATOR, { email: 'a@example.org', displayName: 'مدير', role: 'admin', password: 'password-1234' });
      const writer = await accounts.createUser(CLI_OPERATOR, { email: 'w@example.org', displayName: 'كاتب', role: 'writer', password: 'password-1234' });
      const adminActor = { userId: admin.id, role: 'admin' as const, sections: 'all' as const };

      await assert.rejects(tokens.create({ userId: writer.id, role: 'writer', sections: 'all' }, { name: 'x', userId: writer.id, scopes: ['articles:write'] }), Forbidden);
      await assert.rejects(tokens.create(adminActor, { name: '', userId: writer.id, scopes: [] }), InvalidInput);

      const { token, info } = await tokens.create(adminActor, { name: 'وكالة الأنباء', userId: writer.id, scopes: ['articles:write', 'articles:publish'] });
      assert.match(token, /^mbr_[A-Za-z0-9_-]{43}$/);
      assert.equal(info.prefix, token.slice(0, 12));
      const stored = await handle.db.selectFrom('api_tokens').select('token_hash').executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, token);

      const caller = await tokens.authenticate(token);
      assert.equal(caller?.actor.userId, writer.id);
      // The token's scopes narrow the writer; publishing stays denied because writers may not publish.
      assert.equal(decide(caller!.actor, 'article.create').kind, 'filter');
      assert.equal(decide(caller!.actor, 'article.publish').kind, 'deny');
      assert.equal(decide(caller!.actor, 'article.submit').kind, 'deny');
      assert.equal(await tokens.authenticate(token + 'x'), null);
      assert.equal(await tokens.authenticate('Bearer nonsense'), null);

      await tokens.revoke(adminActor, info.id);
      assert.equal(await tokens.authenticate(token), null);
      const log = await createAuditService({ db: handle.db }).list(adminActor);
      assert.deepEqual(log.filter((e) => e.targetType === 'apiToken').map((e) => e.action), ['apiToken.revoke', 'apiToken.create']);
    } finally {
      await handle.close();
    }
  });
}
