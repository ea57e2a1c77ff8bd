// Every workload of the suite, in table order, and the names `--workloads` accepts.
import mlp from "./mlp.mjs";
import mlpInfer from "./mlp-infer.mjs";
import cnn from "./cnn.mjs";
import lstm from "./lstm.mjs";
import matmuls from "./matmul.mjs";

/** All workloads by id, in the order the tables list them. */
export const WORKLOADS = [...matmuls, mlp, mlpInfer, cnn, lstm];

/** Group names for `--workloads`: `matmul` selects every size, `mlp` also its inference latency. */
export const GROUPS = { matmul: matmuls.map((w) => w.id), mlp: ["mlp", "mlpInfer"] };

/** The workloads `names` selects (ids or group names); all when `names` is undefined. */
export function selectWorkloads(names) {
  if (!names) return WORKLOADS;
  const ids = new Set(names.flatMap((n) => GROUPS[n] ?? [n]));
  const unknown = [...ids].filter((id) => !WORKLOADS.some((w) => w.id === id));
  if (unknown.length) {
    throw new RangeError(`bench: unknown workload(s) ${unknown.join(", ")}; valid: ${[...new Set([...Object.keys(GROUPS), ...WORKLOADS.map((w) => w.id)])].join(", ")}`);
  }
  return WORKLOADS.filter((w) => ids.has(w.id));
}
