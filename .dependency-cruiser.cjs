// Which part of the code may import which (`npm run lint` runs this; a broken rule fails it).
// Inside bot/src every folder has a layer; a folder imports only folders of lower layers, so
// no two folders can import each other, even through a third. The database seam is at the
// bottom, the repositories above crypto, matching and audit, the composition root on top.
// `documents` renders core's agenda types and imports nothing of bot/src, so it sits at the
// bottom: `mail` builds the agenda e-mail from it.
const layers = [
  ['db', 'graph', 'ics', 'cards', 'documents'],
  ['crypto', 'audit', 'mail'],
  ['matching'],
  ['store'],
  ['auth', 'jobs', 'notify', 'demo'],
  ['config'],
  ['http'],
  ['agent'],
  ['cli'],
];
const rankOf = new Map(layers.flatMap((names, rank) => names.map((name) => [name, rank])));

const layerRules = [...rankOf].map(([folder, rank]) => {
  const notBelow = [...rankOf]
    .filter(([other, r]) => other !== folder && r >= rank)
    .map(([other]) => other);
  return {
    name: `layer-${folder}`,
    comment: `bot/src/${folder} imports only folders of lower layers (see .dependency-cruiser.cjs)`,
    severity: 'error',
    from: { path: `^bot/src/${folder}/` },
    to: { path: `^bot/src/(${notBelow.join('|')})/` },
  };
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other, directly or through others',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'bot-folders-are-layered',
      comment: 'Every folder of bot/src has a layer: add a new folder to the list above',
      severity: 'error',
      from: { path: '^bot/src/([^/]+)/', pathNot: `^bot/src/(${[...rankOf.keys()].join('|')})/` },
      to: {},
    },
    {
      name: 'core-is-the-domain',
      comment: 'core imports nothing of bot, tab or test (DESIGN.md)',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(bot|tab|test|bench|scripts)/' },
    },
    {
      name: 'tab-sees-only-contracts',
      comment: 'the tab depends only on the API contract types in core/contracts',
      severity: 'error',
      from: { path: '^tab/' },
      to: { path: '^(bot|test)/|^core/(?!contracts/)' },
    },
    {
      name: 'only-main-knows-everything',
      comment: 'no folder of bot/src imports the composition root or the server entry',
      severity: 'error',
      from: { path: '^bot/src/[^/]+/' },
      to: { path: '^bot/src/(main|server)\\.ts$' },
    },
    {
      name: 'resolvable',
      comment:
        'an import of ours that resolves to nothing would hide a dependency from these rules',
      severity: 'error',
      from: {},
      // Packages' own export maps are the type checker's business; ours are checked here.
      to: { couldNotResolve: true, path: '^(\\.|#)' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|tab/dist|\\.data|test-output)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'node', 'types', 'default'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
