// Module boundaries are the architecture: libs/domain is pure (no Nest, no
// TypeORM), the console may not import server code, data knows nothing of
// GraphQL. Nx checks the import graph against the project tags below.
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');

module.exports = [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/__generated__/**', '**/*.js', 'apps/console/vite.config.*', 'test-artifacts/**', 'bench/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx, '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:server', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:data'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:data', 'type:server', 'type:client'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:client'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:client', 'type:data', 'type:server'] },
          ],
          banTransitiveDependencies: false,
        },
      ],
    },
  },
  {
    // The engagement model and org rules are plain TypeScript: no framework, no storage.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@nestjs/*', 'typeorm', 'typeorm-*', 'pg', '@electric-sql/*', 'class-validator', 'class-transformer', 'graphql', 'socket.io*'], message: 'libs/domain is pure: no framework or storage imports.' }] },
      ],
    },
  },
];
