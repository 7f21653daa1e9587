/**
 * The layers of charterflow, lowest first (README "Layers"). A module may import its own layer's library only when it
 * is that library, and any library of a lower layer; never one beside it or above it. Other libraries are reached
 * through their barrel (`src/index.ts`), and tests may use a library's `src/testing.ts`.
 */
const LAYERS = [
  ['kernel', 'config'],
  ['procedure'],
  ['database'],
  ['organisations', 'calendar'],
  ['cases'],
  ['access', 'notifications'],
  ['delivery', 'audit', 'intake', 'documents'],
  ['platform'],
];

const dirOf = (name) => (name === 'config' ? 'config/src/' : `libs/${name}/src/`);
const escape = (path) => path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const layerRules = LAYERS.flatMap((layer, rank) =>
  layer.flatMap((name) => {
    const forbidden = LAYERS.slice(rank).flat().filter((other) => other !== name);
    if (forbidden.length === 0) return [];
    return {
      name: `layer-${name}`,
      comment: `${name} may import only ${LAYERS.slice(0, rank).flat().join(', ') || 'no other library'}`,
      severity: 'error',
      from: { path: `^${escape(dirOf(name))}` },
      to: { path: `^(${forbidden.map((o) => escape(dirOf(o))).join('|')})` },
    };
  }),
);

const TEST_CODE = '(\\.spec\\.ts$|/__fixtures__/|^test/|^bench/)';

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'libraries-below-apps',
      comment: 'no library imports an application',
      severity: 'error',
      from: { path: '^(libs|config)/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-apart',
      comment: 'the API and the worker are assembled from libraries, not from each other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'barrels-only',
      comment: "another library's insides are reached only through its barrel (src/index.ts) or, from tests, src/testing.ts",
      severity: 'error',
      // Jest's global setup runs outside its module mapper: it reaches the migrations by relative path.
      from: { path: '^(libs/[^/]+|config|apps/[^/]+|test|bench)/', pathNot: '^test/global-setup\\.ts$' },
      to: { path: '^(libs/[^/]+|config)/src/', pathNot: ['^$1/', '^(libs/[^/]+|config)/src/(index|testing)\\.ts$'] },
    },
    {
      name: 'web-imports-procedure-only',
      comment: 'the staff application (apps/web, a browser bundle) may import only the procedure library, through its barrel, and its own files',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|config|apps)/', pathNot: ['^apps/web/', '^libs/procedure/src/index\\.ts$'] },
    },
    {
      name: 'testing-only-in-tests',
      comment: 'src/testing.ts serves tests, never product code',
      severity: 'error',
      from: { pathNot: TEST_CODE },
      to: { path: '^libs/[^/]+/src/testing\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|apps/web/dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
