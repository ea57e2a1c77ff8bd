/**
 * Writing a folder atomically: everything goes into a temporary folder next to the target,
 * is flushed to disk, and then replaces the target with renames — so a crash or an error
 * mid-save never leaves a half-written model where a good one was.
 */
import * as fs from "fs";
import * as path from "path";

/** Writes `files` (name → contents) as the folder `target`, replacing an existing folder. */
export function writeDirAtomic(target: string, files: { [name: string]: string | Uint8Array }, where: string): void {
  if (typeof target !== "string" || target === "") throw new TypeError(`${where}: expected a folder path, got ${JSON.stringify(target)}`);
  const resolved = path.resolve(target);
  const parent = path.dirname(resolved);
  if (!fs.existsSync(parent)) throw new Error(`${where}: the parent folder ${parent} does not exist`);
  if (fs.existsSync(resolved) && !fs.statSync(resolved).isDirectory()) {
    throw new Error(`${where}: ${resolved} exists and is a file; a saved model is a folder`);
  }
  const unique = `${process.pid}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
  const tmp = path.join(parent, `.${path.basename(resolved)}.tmp-${unique}`);
  fs.mkdirSync(tmp);
  try {
    for (const [name, contents] of Object.entries(files)) {
      const fd = fs.openSync(path.join(tmp, name), "w");
      try {
        if (typeof contents === "string") fs.writeSync(fd, contents);
        else fs.writeSync(fd, contents);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
    if (fs.existsSync(resolved)) {
      // Move the old folder aside first: rename cannot replace a non-empty folder.
      const old = path.join(parent, `.${path.basename(resolved)}.old-${unique}`);
      fs.renameSync(resolved, old);
      fs.renameSync(tmp, resolved);
      fs.rmSync(old, { recursive: true, force: true });
    } else {
      fs.renameSync(tmp, resolved);
    }
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
