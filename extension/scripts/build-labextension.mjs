// Bundles lib/ into a prebuilt (federated) JupyterLab extension in
// nnlab_extension/labextension/, with the JupyterLab of the repository's venv:
// `jupyter labextension build` needs a JupyterLab install to read its core packages.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const jupyter = resolve(extensionDir, '..', '.venv', 'bin', 'jupyter');

if (!existsSync(jupyter)) {
  console.error(
    `nnlab-extension: ${jupyter} not found.\n` +
      'Building the JupyterLab extension needs the repository venv with JupyterLab ' +
      '(create .venv and pip install -r jupyter-config/requirements.txt first).'
  );
  process.exit(1);
}
if (!existsSync(resolve(extensionDir, 'lib', 'index.js'))) {
  console.error('nnlab-extension: lib/index.js missing; run tsc first (npm run build -w nnlab-extension).');
  process.exit(1);
}

// Build against the core packages of the JupyterLab that will load the extension
// (its staging/package.json). Without this, jupyter-builder looks for
// @jupyterlab/core-meta in node_modules, runs `jlpm` in this folder when it is
// missing, and then tries to download it.
const python = resolve(dirname(jupyter), 'python');
const located = spawnSync(
  python,
  ['-c', 'import jupyterlab, os; print(os.path.join(os.path.dirname(jupyterlab.__file__), "staging", "package.json"))'],
  { encoding: 'utf8' }
);
const corePackageFile = (located.stdout ?? '').trim();
if (located.status !== 0 || !existsSync(corePackageFile)) {
  console.error(`nnlab-extension: cannot find JupyterLab's staging/package.json via ${python}.\n${located.stderr ?? ''}`);
  process.exit(1);
}

const args = ['labextension', 'build', '--core-package-file', corePackageFile, extensionDir];
if (process.argv.includes('--development')) {
  // Unminified with source maps, for debugging in the browser.
  args.push('--development', 'True');
}
// JupyterLab 4.6 hands the build to the `jupyter-builder` script next to `jupyter`,
// found on PATH: put the venv's bin first, as an activated venv would.
const env = { ...process.env, PATH: `${dirname(jupyter)}:${process.env.PATH ?? ''}` };
const result = spawnSync(jupyter, args, { stdio: 'inherit', cwd: extensionDir, env });
if (result.error) {
  console.error(`nnlab-extension: could not run ${jupyter}: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
