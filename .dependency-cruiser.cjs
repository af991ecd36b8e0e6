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
      to: { path: '^src/modules/ledger/(?!ledger(-read)?\\.service\\.ts|ledger\\.module\\.ts|ledger\\.types\\.ts|ledger\\.error\\.ts|[a-z-]+\\.entity\\.ts)' },
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
        'A file has one owner: other modules use the applications module only through ApplicationFiles, its services, views, DTOs, statuses and labels, never its entities, store, rules or query helpers. (The web page actions still read the workflow table: the authority policy replaces that.)',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/modules/applications/', '^src/composition/', '^src/modules/web/file-actions\\.ts$'] },
      to: {
        path: '^src/modules/applications/',
        pathNot: '^src/modules/applications/(application-files|application-statuses|applications\\.labels|application\\.view|applications\\.module|[a-z-]+\\.service)\\.ts$|^src/modules/applications/dto/',
      },
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
