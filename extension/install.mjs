#!/usr/bin/env node
// Installs the built prebuilt extension (nnlab_extension/labextension/, made by
// `npm run build -w nnlab-extension`) into PREFIX/share/jupyter/labextensions/nnlab-extension/,
// where JupyterLab looks for prebuilt extensions of an environment (like
// `jupyter labextension develop --sys-prefix`, but a copy, and without Python).
//
//   node extension/install.mjs --prefix .venv
//
// The copy goes to a temporary folder beside the target first and is then renamed
// into place, so a running JupyterLab never sees a half-written extension.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = dirname(fileURLToPath(import.meta.url));

function usage(message) {
  console.error(`${message}\nusage: node extension/install.mjs --prefix DIR`);
  process.exit(2);
}

function prefixArg(argv) {
  const i = argv.indexOf('--prefix');
  if (i >= 0) {
    return argv[i + 1] ?? usage('--prefix needs a directory');
  }
  const inline = argv.find(a => a.startsWith('--prefix='));
  return inline ? inline.slice('--prefix='.length) : usage('missing --prefix');
}

const pkg = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8'));
const built = resolve(extensionDir, pkg.jupyterlab.outputDir);
if (!existsSync(join(built, 'package.json')) || !existsSync(join(built, 'static'))) {
  console.error(
    `nnlab-extension: no built extension in ${built}.\nRun npm run build -w nnlab-extension first.`
  );
  process.exit(1);
}

const prefix = resolve(prefixArg(process.argv.slice(2)));
const labextensions = join(prefix, 'share', 'jupyter', 'labextensions');
const target = join(labextensions, pkg.name);
const temp = join(labextensions, `.${pkg.name}.tmp-${process.pid}`);
const old = join(labextensions, `.${pkg.name}.old-${process.pid}`);

mkdirSync(labextensions, { recursive: true });
rmSync(temp, { recursive: true, force: true });
cpSync(built, temp, { recursive: true });
// install.json tells `jupyter labextension list` how the extension got there.
writeFileSync(
  join(temp, 'install.json'),
  JSON.stringify(
    {
      packageManager: 'npm',
      packageName: pkg.name,
      uninstallInstructions: `Remove ${target}`
    },
    null,
    2
  ) + '\n'
);

// rename() cannot replace a non-empty directory: move the old one aside first.
if (existsSync(target)) {
  renameSync(target, old);
}
renameSync(temp, target);
rmSync(old, { recursive: true, force: true });
console.log(`nnlab-extension ${pkg.version} installed in ${target}`);
