// Resolves the workspace aliases (@crm/domain, @crm/persistence) to the compiled output in dist/
// when the built apps run under plain Node.
const path = require('node:path');
const tsConfigPaths = require('tsconfig-paths');

tsConfigPaths.register({
  baseUrl: path.resolve(__dirname, '..', 'dist'),
  paths: {
    '@crm/domain': ['libs/domain/src'],
    '@crm/persistence': ['libs/persistence/src'],
  },
});
