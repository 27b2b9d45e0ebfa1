import { join } from 'node:path';
import { registerStyles } from '../../src/core';
import { shippedStyles } from '../../src/node/shippedStyles';

// Loaded by mocha before every test file: the core sees the styles the build ships (IEEE), as the
// server and the CLI do. `npm test` builds dist/ first.
registerStyles(shippedStyles(join(__dirname, '../../dist/styles')));
