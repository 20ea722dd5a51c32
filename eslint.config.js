// ESLint flat config: typescript-eslint's recommended rules, plus the layering rule that keeps
// services/ and models/ free of botbuilder, restify and twilio.
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/static/**', '.tools/**', 'data/**', 'test-output/**', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['services/**/*.ts', 'models/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['botbuilder*', 'restify*', 'twilio*', '../../channels/*', '../../bots/*', '../../dialogs/*'] },
      ],
    },
  },
);
