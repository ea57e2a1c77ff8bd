// The extension imports the MIME contract from the built library
// (nnlab/dist/display/mime); say so clearly when that build is missing.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require.resolve('nnlab/dist/display/mime');
} catch {
  console.error(
    'nnlab-extension: nnlab/dist/display/mime.js not found. Build the library first: npm run build -w nnlab'
  );
  process.exit(1);
}
