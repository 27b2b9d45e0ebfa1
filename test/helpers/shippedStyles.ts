import { join } from 'node:path';
import { registerShippedStyles } from '../../src/server/shippedStyles';

// Loaded by mocha before every test file: the core sees the styles the build ships (IEEE), as the
// server and the CLI do. `npm test` builds dist/ first.
registerShippedStyles(join(__dirname, '../../dist/styles'));
