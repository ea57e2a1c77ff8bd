/** `nn.plot.activation`: activation functions with their derivatives (computed by autodiff). */
import { tensor } from "../tensor/creation";
import { gradientsOf } from "../tensor/autograd";
import { getActivation, type ActivationIdentifier } from "../activations";
import { Plot } from "./plot";
import { withDefaults } from "./spec";
import { countOption, linspace, rangeOption } from "./data";

/** Options of {@link activation}. */
export interface ActivationPlotOptions {
  /** x range (default [-5, 5]). */
  range?: [number, number];
  /** Sample points (default 201). */
  points?: number;
  /** Draw f′(x) beside f(x) (default true). */
  derivative?: boolean;
  /** Chart title shown above the plot. */
  title?: string;
}

/** Values and derivatives of one activation at `xs`, in float64 (derivative from reverse-mode autodiff). */
export function activationValues(id: ActivationIdentifier, xs: number[]): {
  /** The activation's resolved id, e.g. "relu". */
  name: string;
  /** f(x) at each of `xs`. */
  values: number[];
  /** f′(x) at each of `xs`. */
  derivatives: number[];
} {
  const { name, fn } = getActivation(id, "nn.plot.activation: activation");
  const x = tensor(xs, { dtype: "float64" });
  x.requiresGrad = true;
  const y = fn(x);
  const [dx] = gradientsOf(y.sum(), [x]);
  return { name: typeof id === "function" ? id.name || name : name, values: Array.from(y.data, Number), derivatives: Array.from(dx, Number) };
}

/**
 * One panel per activation with f(x) and f′(x), e.g. `nn.plot.activation(["sigmoid", "tanh", "relu"])`.
 * Accepts registry ids (camelCase or snake_case) and functions of a tensor.
 */
export function activation(ids: ActivationIdentifier | ActivationIdentifier[], options: ActivationPlotOptions = {}): Plot {
  const where = "nn.plot.activation";
  const list = Array.isArray(ids) ? ids : [ids];
  if (list.length === 0) throw new RangeError(`${where}: give at least one activation, got an empty list`);
  const [lo, hi] = rangeOption(options.range ?? [-5, 5], where, "range");
  const xs = linspace(lo, hi, countOption(options.points ?? 201, where, "points", 2, 100000));
  const withDerivative = options.derivative ?? true;
  const rows: object[] = [];
  const names: string[] = [];
  for (const id of list) {
    const { name, values, derivatives } = activationValues(id, xs);
    names.push(name);
    xs.forEach((x, i) => {
      rows.push({ activation: name, curve: "f(x)", x, y: values[i] });
      if (withDerivative) rows.push({ activation: name, curve: "f′(x)", x, y: derivatives[i] });
    });
  }
  const spec = withDefaults(
    {
      data: { values: rows },
      facet: { field: "activation", type: "nominal", title: null, sort: names },
      columns: Math.min(names.length, 3),
      spec: {
        width: 220,
        height: 160,
        mark: { type: "line", strokeWidth: 2 },
        encoding: {
          x: { field: "x", type: "quantitative", title: "x" },
          y: { field: "y", type: "quantitative", title: null },
          color: { field: "curve", type: "nominal", title: null, legend: { orient: "bottom" } },
          strokeDash: { field: "curve", type: "nominal", legend: null },
        },
      },
      resolve: { scale: { y: "independent" } },
    },
    options.title,
  );
  const what = withDerivative ? "and derivatives" : "";
  return new Plot(spec, `Activation functions ${what} on [${lo}, ${hi}]: ${names.join(", ")}`.replace("  ", " "));
}
