import * as path from "path";
import Module = require("module");

/**
 * Makes `import ... from "<name>"` (and `"<name>/sub/path"`) in a cell mean one fixed package
 * directory, whatever directory the notebook is in — for both resolvers a cell goes through:
 *
 * 1. tslab's type checker (TypeScript 5.0, moduleResolution node10, rooted at the notebook
 *    directory) looks for `<cwd>/node_modules/<name>` with `ts.sys`. tslab already serves
 *    `<cwd>/node_modules/tslab` this way (converter.js `forwardTslabPath`), and its converter
 *    reads files through `ts.sys` at call time, so the same forwarding is added to `ts.sys`:
 *    paths under the virtual `<cwd>/node_modules/<name>` map to the package directory, and
 *    `realpath` maps them too so TypeScript names the files by their real path (as it does
 *    for a symlinked package).
 * 2. Node's `require` (tslab compiles imports to CommonJS `require`) — for the cell and for
 *    local `.ts` files it imports — goes through `Module._resolveFilename`; the alias rewrites
 *    the request to the package directory's absolute path before Node resolves it.
 *
 * Both make every cell use the kernel's copy, so the types checked are the code that runs.
 */
export function aliasPackage(name: string, packageDir: string, ts: TypeScriptSys): void {
  const virtualDir = toTsPath(path.join(ts.sys.getCurrentDirectory(), "node_modules", name));
  const realDir = toTsPath(packageDir);
  forwardTsSys(ts.sys, (p) => (isUnder(p, virtualDir) ? realDir + p.slice(virtualDir.length) : p));
  aliasNodeRequests(name, packageDir);
}

/** The part of TypeScript's `System` the alias touches (tslab's TypeScript fork's `ts.sys`). */
export interface TypeScriptSys {
  sys: { getCurrentDirectory(): string } & { [method: string]: unknown };
}

/** `ts.sys` methods whose first argument is a path. */
const PATH_METHODS = [
  "fileExists",
  "directoryExists",
  "readFile",
  "realpath",
  "readDirectory",
  "getDirectories",
  "getModifiedTime",
  "getFileSize",
  "watchFile",
  "watchDirectory",
] as const;

function forwardTsSys(sys: TypeScriptSys["sys"], forward: (p: string) => string): void {
  for (const method of PATH_METHODS) {
    const original = sys[method];
    if (typeof original !== "function") continue;
    sys[method] = function (this: unknown, p: string, ...rest: unknown[]) {
      return original.call(this, forward(p), ...rest);
    };
  }
}

type ResolveFilename = (request: string, ...rest: unknown[]) => string;

function aliasNodeRequests(name: string, packageDir: string): void {
  const mod = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = mod._resolveFilename;
  mod._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    if (request === name || request.startsWith(name + "/")) {
      request = path.join(packageDir, request.slice(name.length));
    }
    return original.call(this, request, ...rest);
  };
}

/** TypeScript normalises paths to forward slashes. */
function toTsPath(p: string): string {
  return p.replace(/\\/g, "/");
}

function isUnder(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir + "/");
}
