// Module boundaries of src/ (ARCHITECTURE.md, "What may import what"). Each folder is a module with one
// front door (index.ts); imports flow down only. Tests may reach inside the module they test.
const modules = ['config', 'text', 'domain', 'db', 'services', 'views', 'http', 'i18n', 'cli', 'demo'];

// module → modules it may import (besides itself)
const allowed = {
  config: [],
  text: [],
  i18n: [],
  domain: ['text'],
  db: ['domain', 'text'],
  services: ['db', 'domain', 'text', 'i18n'],
  views: ['domain', 'i18n', 'text'],
  http: ['services', 'views', 'i18n', 'config', 'domain', 'text'],
  cli: ['services', 'config', 'domain', 'demo', 'text'],
  demo: [],
};

const forbidden = [];
for (const from of modules) {
  // Views may import service *types* (page data); the rule below forbids anything else from services.
  const others = modules.filter((m) => m !== from && !allowed[from].includes(m) && !(from === 'views' && m === 'services'));
  if (others.length === 0) continue;
  forbidden.push({
    name: `${from}-imports-only-downwards`,
    comment: `src/${from} may import only: ${allowed[from].join(', ') || 'nothing else in src'}`,
    severity: 'error',
    from: { path: `^src/${from}/`, pathNot: '\\.test\\.tsx?$' },
    to: { path: `^src/(${others.join('|')})/` },
  });
}

module.exports = {
  forbidden: [
    ...forbidden,
    {
      name: 'views-use-service-types-only',
      comment: 'Views may name the page-data types services return, never call a service.',
      severity: 'error',
      from: { path: '^src/views/' },
      to: { path: '^src/services/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'front-doors-only',
      comment: 'Reach another module through its index.ts, never a deep path.',
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/([^/]+)/.+', pathNot: ['^src/$1/', '/index\\.ts$'] },
    },
    {
      name: 'nothing-imports-main-http-or-cli',
      comment: 'Only main.ts wires http and cli.',
      severity: 'error',
      from: { path: '^src/(?!main\\.ts)', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/(main\\.ts|http/index\\.ts|cli/index\\.ts)$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.tsx?$' },
  },
};
