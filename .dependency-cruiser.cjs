/** Module boundaries, checked in CI (`npm run lint`). */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { pathNot: ['\\.entity\\.ts$', 'src/composition/entities\\.ts$', 'src/feature-modules\\.ts$', 'migrations/index\\.ts$', 'src/app\\.module\\.ts$', 'src/composition/data-source-options\\.ts$'] } },
    },
    {
      name: 'common-is-domain-free',
      comment: 'common/ holds money, HTTP and auth plumbing; it never reaches into a domain module.',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'only-ledger-writes-balances',
      comment: 'Balances change only through the ledger: nothing else imports its internals.',
      severity: 'error',
      from: { path: '^src/modules/(?!ledger/)' },
      to: { path: '^src/modules/ledger/(?!ledger(-read)?\\.service\\.ts|ledger\\.module\\.ts|ledger\\.types\\.ts|ledger\\.labels\\.ts|ledger\\.error\\.ts|[a-z-]+\\.entity\\.ts)' },
    },
    {
      name: 'only-audit-writes-audit',
      severity: 'error',
      from: { path: '^src/modules/(?!audit/)' },
      to: { path: '^src/modules/audit/(?!audit\\.service\\.ts|audit\\.module\\.ts|audit\\.types\\.ts)' },
    },
    {
      name: 'applications-through-its-public-files',
      comment:
        'A file has one owner: other modules use the applications module only through ApplicationFiles, its services, guards, views, DTOs, statuses and labels, never its entities, store, rules or query helpers.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/modules/applications/', '^src/composition/'] },
      to: {
        path: '^src/modules/applications/',
        pathNot: '^src/modules/applications/(application-files|application-statuses|applications\\.labels|application\\.view|applications\\.module|[a-z-]+\\.service|[a-z-]+\\.guard)\\.ts$|^src/modules/applications/dto/',
      },
    },
    {
      name: 'modules-through-their-public-files',
      comment:
        'One owner per record: a module uses another only through its public files (services, views, labels, types, errors, DTOs, module wiring), never its entities, stores, rules or query helpers.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/',
        pathNot: [
          '^src/modules/$1/',
          '\\.(service|view|labels|module|types|error|guard)\\.ts$',
          '/dto/',
          '^src/modules/applications/(application-files|application-statuses)\\.ts$',
          // The funds and fiscal years are the ledger's records (its posting procedure locks the
          // year and refuses a closed one); budget administers them through their entities.
          '^src/modules/ledger/(fund|fiscal-year)\\.entity\\.ts$',
        ],
      },
    },
    {
      name: 'web-is-a-front-end',
      comment:
        'The pages are a front end over the modules, like the API: they use services, views, DTOs, labels, guards and module wiring, never entities, stores or rules.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: {
        path: '^src/modules/',
        pathNot: '\\.(service|view|labels|module|guard)\\.ts$|/dto/|^src/modules/applications/application-statuses\\.ts$',
      },
    },
    {
      name: 'modules-know-no-front-end',
      comment: 'The domain serves the API and the pages alike; it never reaches into the pages.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'database-is-the-ground-floor',
      comment: 'database/ holds the transaction runner and SQL helpers; it imports no module and no wiring.',
      severity: 'error',
      from: { path: '^src/database/' },
      to: { path: '^src/(modules|composition|rendering|web)/' },
    },
    {
      name: 'rendering-is-domain-free',
      comment: 'rendering/ draws documents (PDF, CSV, XLSX, the official layout) for any module; it knows none.',
      severity: 'error',
      from: { path: '^src/rendering/' },
      to: { path: '^src/(modules|composition|web)/' },
    },
    {
      name: 'only-the-top-wires',
      comment: 'composition/ lists every module’s entities; only the application’s top (app module, bootstrap, CLI) uses it.',
      severity: 'error',
      from: { path: '^src/(?!composition/|app\\.module\\.ts$|bootstrap\\.ts$|main\\.ts$)' },
      to: { path: '^src/composition/' },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.spec\\.ts$' },
  },
};
