// The workloads' data on disk: the runner generates each workload's seeded arrays once and writes
// them as raw little-endian float32 files plus a JSON manifest (the task's sizes and settings);
// every library process, JavaScript or Python, reads the same bytes.
import fs from "node:fs";
import path from "node:path";

/** Writes `<dir>/<id>.json` ({ id, task, arrays: { name: length } }) and `<dir>/<id>.<name>.f32`. */
export function writeWorkloadData(dir, workload) {
  const arrays = workload.makeData(workload.task);
  for (const [name, values] of Object.entries(arrays)) {
    fs.writeFileSync(path.join(dir, `${workload.id}.${name}.f32`), Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  }
  const manifest = { id: workload.id, task: workload.task, arrays: Object.fromEntries(Object.entries(arrays).map(([k, v]) => [k, v.length])) };
  fs.writeFileSync(path.join(dir, `${workload.id}.json`), JSON.stringify(manifest, null, 2));
}

/** The arrays `writeWorkloadData` wrote for workload `id`, as Float32Arrays. */
export function readWorkloadData(dir, id) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, `${id}.json`), "utf8"));
  const arrays = {};
  for (const [name, length] of Object.entries(manifest.arrays)) {
    const bytes = fs.readFileSync(path.join(dir, `${id}.${name}.f32`));
    if (bytes.length !== length * 4) throw new Error(`bench data ${id}.${name}: ${bytes.length} bytes, expected ${length * 4}`);
    // Copy into a fresh, aligned buffer (a Buffer may be a slice of a shared pool).
    arrays[name] = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  }
  return arrays;
}
