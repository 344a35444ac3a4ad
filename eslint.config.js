import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The stages of `src/`, lowest first: a folder imports only from the folders before it (and the library
 * entry, `src/index.ts`, from any). `docs/architecture.md` says what each holds.
 */
export const LAYERS = [
  'core',
  'values',
  'config',
  'read',
  'normalize',
  'classify',
  'policy',
  'audit',
  'orders',
  'report',
  'scale',
  'run',
  'cli',
];

const NO_XLSX = { name: 'xlsx', message: 'The npm xlsx package is frozen with a known vulnerability.' };

/** For the files of one layer: every folder above it, however many `../` lead there. */
function layerRule(layer, i) {
  const above = LAYERS.slice(i + 1);
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_XLSX],
          patterns: above.length
            ? [
                {
                  group: above.flatMap((folder) => [
                    `../${folder}/*`,
                    `../../${folder}/*`,
                    `../../../${folder}/*`,
                  ]),
                  message: `src/${layer} may import only from the stages before it (${LAYERS.slice(0, i).join(', ') || 'none'}): see docs/architecture.md`,
                },
              ]
            : [],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [NO_XLSX] }],
    },
  },
  ...LAYERS.map(layerRule),
);
