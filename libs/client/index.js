// Runtime entry of the built library (npm run build); TypeScript and jest read src/ directly.
module.exports = require('../../dist/libs/client/src/index.js');
