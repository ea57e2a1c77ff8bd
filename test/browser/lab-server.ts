/**
 * Starts a real JupyterLab from the repository venv for browser tests, isolated from the
 * user's Jupyter setup, and stops it again.
 *
 * Isolation: the notebooks are served from a temporary copy (tests may run and save
 * them), and the Jupyter config, data, runtime, lab settings and workspaces folders are
 * fresh temporary ones, so neither the user's settings, nor the project's own
 * .jupyter-env state (which `npm start` uses), nor a previous run leak in, and a test
 * that switches the theme changes nothing outside its run. The config folder starts
 * with the project's jupyter-config/jupyter_server_config.json, so the server runs as
 * `npm start` runs it. Kernels and lab extensions come from the venv (sys.prefix),
 * which is what is under test.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository root (this file is test/browser/lab-server.ts). */
export const REPO_ROOT = resolve(__dirname, '..', '..');
/** Where tests leave screenshots and server logs (gitignored). */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-artifacts');

export interface LabOptions {
  /** Files and folders to copy into the server's root directory (absolute paths). */
  copy: string[];
  /** A name for the log file in test-artifacts/ (`jupyterlab-<name>.log`). */
  name: string;
  /**
   * JupyterLab user settings to start with, by plugin file:
   * `{ "@jupyterlab/apputils-extension/themes": { theme: "JupyterLab Dark" } }`.
   */
  settings?: Record<string, object>;
  /** How long to wait for the server to answer (ms). */
  startTimeoutMs?: number;
}

export interface LabServer {
  /** Base URL, e.g. `http://127.0.0.1:8890`, without the token. */
  url: string;
  token: string;
  /** The server's root directory (the copy of the notebooks). */
  rootDir: string;
  /** A URL to open in the browser: `path` under `/lab/tree/`, authenticated with the token. */
  labUrl(path?: string): string;
  /** Calls the server's REST API with the token. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Everything the server printed so far (for failure messages). */
  log(): string;
  /** Shuts the server and its kernels down and removes the temporary folders. */
  stop(): Promise<void>;
}

/**
 * Settings that keep screenshots clean and the test offline: no "check for updates" or
 * "Jupyter news" notifications, which would otherwise pop up over the notebook.
 */
const QUIET_SETTINGS: Record<string, object> = {
  '@jupyterlab/apputils-extension/notification': { checkForUpdates: false, fetchNews: 'false' }
};

/** Asks the OS for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise(r => setTimeout(r, ms));
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) {
    return Promise.resolve(true);
  }
  return new Promise(r => {
    const timer = setTimeout(() => r(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      r(true);
    });
  });
}

/** Sends `signal` to the server's whole process group (it was spawned detached). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || exited(child)) {
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function writeSettings(settingsDir: string, settings: Record<string, object>): void {
  for (const [plugin, values] of Object.entries(settings)) {
    const file = join(settingsDir, `${plugin}.jupyterlab-settings`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(values, null, 2));
  }
}

/** Starts `.venv/bin/jupyter lab` and resolves once its REST API answers. */
export async function startJupyterLab(options: LabOptions): Promise<LabServer> {
  const jupyter = join(REPO_ROOT, '.venv', 'bin', 'jupyter');
  if (!existsSync(jupyter)) {
    throw new Error(`${jupyter} not found: the browser tests need the repository venv (npm run setup)`);
  }
  const base = mkdtempSync(join(tmpdir(), 'nnlab-lab-'));
  const rootDir = join(base, 'root');
  const configDir = join(base, 'config');
  const dataDir = join(base, 'data');
  const runtimeDir = join(base, 'runtime');
  const settingsDir = join(configDir, 'lab', 'user-settings');
  const workspacesDir = join(base, 'workspaces');
  for (const dir of [rootDir, configDir, dataDir, runtimeDir, settingsDir, workspacesDir]) {
    mkdirSync(dir, { recursive: true });
  }
  for (const source of options.copy) {
    cpSync(source, join(rootDir, source.split('/').pop() ?? ''), { recursive: true });
  }
  const projectConfig = join(REPO_ROOT, 'jupyter-config', 'jupyter_server_config.json');
  if (existsSync(projectConfig)) {
    cpSync(projectConfig, join(configDir, 'jupyter_server_config.json'));
  }
  writeSettings(settingsDir, { ...QUIET_SETTINGS, ...options.settings });

  const port = await freePort();
  const token = randomBytes(24).toString('hex');
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    jupyter,
    [
      'lab',
      '--no-browser',
      '--ServerApp.ip=127.0.0.1',
      `--port=${port}`,
      '--ServerApp.port_retries=0',
      `--IdentityProvider.token=${token}`,
      `--ServerApp.root_dir=${rootDir}`,
      // CI and the dev machines run as root in containers; Jupyter refuses that by default.
      ...(process.getuid?.() === 0 ? ['--allow-root'] : [])
    ],
    {
      cwd: rootDir,
      // Own process group, so stop() can end the server and whatever it started.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // Some of JupyterLab's helpers are found on PATH, as in an activated venv.
        PATH: `${dirname(jupyter)}:${process.env.PATH ?? ''}`,
        JUPYTER_CONFIG_DIR: configDir,
        JUPYTER_DATA_DIR: dataDir,
        JUPYTER_RUNTIME_DIR: runtimeDir,
        // Set explicitly: the test runner's environment points these at .jupyter-env/.
        JUPYTERLAB_SETTINGS_DIR: settingsDir,
        JUPYTERLAB_WORKSPACES_DIR: workspacesDir
      }
    }
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const saveLog = () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(join(ARTIFACTS_DIR, `jupyterlab-${options.name}.log`), output);
  };

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: { Authorization: `token ${token}`, ...(init.headers ?? {}) }
    });

  const server: LabServer = {
    url,
    token,
    rootDir,
    labUrl: (path = '') => `${url}/lab/tree/${path}?token=${token}`,
    api,
    log: () => output,
    async stop() {
      if (!exited(child)) {
        // The clean way: the server shuts its kernels down before it exits.
        await api('/api/shutdown', { method: 'POST' }).catch(() => undefined);
        if (!(await waitForExit(child, 15_000))) {
          killGroup(child, 'SIGTERM');
          if (!(await waitForExit(child, 5_000))) {
            killGroup(child, 'SIGKILL');
            await waitForExit(child, 5_000);
          }
        }
      }
      saveLog();
      rmSync(base, { recursive: true, force: true });
    }
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited(child)) {
      saveLog();
      rmSync(base, { recursive: true, force: true });
      throw new Error(`JupyterLab exited during start-up:\n${output}`);
    }
    try {
      const response = await api('/api/status');
      if (response.ok) {
        return server;
      }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`JupyterLab did not answer on ${url} in time:\n${output}`);
    }
    await sleep(250);
  }
}
