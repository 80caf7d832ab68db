import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, API_SCOPES, API_SCOPE_NAMES, ROLES, decide, may, mayOnArticle, scopeActions, type Action, type Actor, type Role } from './access.js';

const actor = (role: Role, sections: Actor['sections'] = 'all', userId = 7): Actor => ({ userId, role, sections });

// The whole matrix, written out: every role × every action. A change to the rules must change this table.
const expected: Record<Role, Record<Action, 'allow' | 'deny' | 'filter'>> = {
  admin: Object.fromEntries(ACTIONS.map((a) => [a, 'allow'])) as Record<Action, 'allow'>,
  editor: {
    'article.create': 'allow', 'article.read': 'allow', 'article.edit': 'allow', 'article.submit': 'allow',
    'article.publish': 'allow', 'article.schedule': 'allow', 'article.unpublish': 'allow', 'article.delete': 'deny',
    'article.restoreRevision': 'allow', 'article.takeOverLock': 'allow', 'media.upload': 'allow', 'media.edit': 'allow',
    'curation.home': 'allow', 'curation.stories': 'allow', 'curation.sections': 'deny', 'curation.channels': 'deny',
    'comments.moderate': 'deny', 'live.post': 'allow', 'breaking.set': 'allow', 'users.manage': 'deny',
    'apiTokens.manage': 'deny', 'audit.read': 'deny', 'settings.manage': 'deny',
  },
  writer: {
    'article.create': 'filter', 'article.read': 'filter', 'article.edit': 'filter', 'article.submit': 'filter',
    'article.publish': 'deny', 'article.schedule': 'deny', 'article.unpublish': 'deny', 'article.delete': 'deny',
    'article.restoreRevision': 'filter', 'article.takeOverLock': 'deny', 'media.upload': 'allow', 'media.edit': 'allow',
    'curation.home': 'deny', 'curation.stories': 'deny', 'curation.sections': 'deny', 'curation.channels': 'deny',
    'comments.moderate': 'deny', 'live.post': 'allow', 'breaking.set': 'deny', 'users.manage': 'deny',
    'apiTokens.manage': 'deny', 'audit.read': 'deny', 'settings.manage': 'deny',
  },
  moderator: Object.fromEntries(ACTIONS.map((a) => [a, a === 'comments.moderate' ? 'allow' : 'deny'])) as Record<Action, 'allow' | 'deny'>,
};

test('the authorization matrix: every role × every action', () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      assert.equal(decide(actor(role), action).kind, expected[role][action], `${role} ${action}`);
    }
  }
});

test('an editor assigned to sections is filtered to them', () => {
  const ed = actor('editor', [3, 4]);
  assert.deepEqual(decide(ed, 'article.publish'), { kind: 'filter', sectionIds: [3, 4] });
  assert.equal(mayOnArticle(ed, 'article.publish', { sectionId: 3, createdBy: 1 }), true);
  assert.equal(mayOnArticle(ed, 'article.publish', { sectionId: 9, createdBy: 1 }), false);
  assert.equal(may(ed, 'users.manage'), false);
});

test('a writer works only on their own articles and can never publish', () => {
  const w = actor('writer', 'all', 42);
  assert.equal(mayOnArticle(w, 'article.edit', { sectionId: 1, createdBy: 42 }), true);
  assert.equal(mayOnArticle(w, 'article.edit', { sectionId: 1, createdBy: 41 }), false);
  assert.equal(mayOnArticle(w, 'article.publish', { sectionId: 1, createdBy: 42 }), false);
});

test('an API token narrows its account to its scopes and never widens it', () => {
  const writerToken: Actor = { userId: 5, role: 'writer', sections: 'all', scopes: scopeActions(['articles:write', 'articles:publish']) };
  for (const action of ACTIONS) {
    const expectedKind = ['article.create', 'article.edit'].includes(action) ? 'filter' : 'deny';
    assert.equal(decide(writerToken, action).kind, expectedKind, action);
  }
  const adminToken: Actor = { userId: 1, role: 'admin', sections: 'all', scopes: scopeActions(['articles:read']) };
  for (const action of ACTIONS) assert.equal(decide(adminToken, action).kind, action === 'article.read' ? 'allow' : 'deny', action);
  for (const scope of API_SCOPE_NAMES) assert.ok(API_SCOPES[scope].length > 0);
});
