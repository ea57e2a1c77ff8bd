/**
 * Mock tabular data from a schema, drawn with @faker-js/faker seeded per call, so the same
 * seed gives the same table. Results are arquero tables (named, typed columns).
 */
import type { Faker } from "@faker-js/faker";
import type * as aq from "arquero";
import { random } from "../random/rng";
import { arquero, fakerJs } from "../util/lazy-modules";

/** How one column is drawn. A function receives the seeded Faker instance (any faker method works). */
export type FieldSpec =
  | {
      /** A whole number in [0, 10^digits − 1], as Python Faker's `random_number(digits)`. */
      type: "randomNumber";
      /** Maximum number of digits (1–15). */
      digits: number;
    }
  | {
      /** One of `values`, uniformly. */
      type: "choice";
      /** The values to choose from. */
      values: readonly (string | number)[];
    }
  | {
      /** A whole number, uniform in [min, max]. */
      type: "int";
      /** Smallest value (inclusive). */
      min: number;
      /** Largest value (inclusive). */
      max: number;
    }
  | {
      /** A float, uniform in [min, max]. */
      type: "float";
      /** Lower bound. */
      min: number;
      /** Upper bound. */
      max: number;
      /** Decimals kept (rounded), or all when omitted. */
      fractionDigits?: number;
    }
  | ((faker: Faker) => string | number | boolean);

/** Column name → how it is drawn, in column order. */
export type Schema = Record<string, FieldSpec>;

/**
 * The notes' employee-attrition schema (Faker example, §14d): employee_id (up to 5 digits),
 * gender, years_of_service 0–30, market_salary_percentile uniform 0–1 with 2 decimals,
 * performance_rating 1–5, attrition_status 0/1 (independent of the features, as in the notes).
 */
export const attritionSchema: Schema = {
  employee_id: { type: "randomNumber", digits: 5 },
  gender: { type: "choice", values: ["Male", "Female"] },
  years_of_service: { type: "int", min: 0, max: 30 },
  market_salary_percentile: { type: "float", min: 0, max: 1, fractionDigits: 2 },
  performance_rating: { type: "int", min: 1, max: 5 },
  attrition_status: { type: "choice", values: [0, 1] },
};

function draw(faker: Faker, spec: FieldSpec, column: string): string | number | boolean {
  if (typeof spec === "function") return spec(faker);
  switch (spec.type) {
    case "randomNumber":
      if (!Number.isInteger(spec.digits) || spec.digits < 1 || spec.digits > 15) throw new RangeError(`mockRows: column "${column}": digits must be a whole number in 1..15, got ${spec.digits}`);
      // Python Faker's random_number(digits=5): 0 ≤ n ≤ 99999.
      return faker.number.int({ min: 0, max: 10 ** spec.digits - 1 });
    case "choice":
      if (!Array.isArray(spec.values) || spec.values.length === 0) throw new RangeError(`mockRows: column "${column}": values must be a non-empty list`);
      return faker.helpers.arrayElement(spec.values as (string | number)[]);
    case "int":
      if (!Number.isInteger(spec.min) || !Number.isInteger(spec.max) || spec.min > spec.max) throw new RangeError(`mockRows: column "${column}": int needs whole numbers min ≤ max, got ${spec.min}..${spec.max}`);
      return faker.number.int({ min: spec.min, max: spec.max });
    case "float": {
      if (!(spec.min <= spec.max)) throw new RangeError(`mockRows: column "${column}": float needs min ≤ max, got ${spec.min}..${spec.max}`);
      const v = faker.number.float({ min: spec.min, max: spec.max });
      return spec.fractionDigits === undefined ? v : Number(v.toFixed(spec.fractionDigits));
    }
    default:
      throw new RangeError(`mockRows: column "${column}": unknown field type ${JSON.stringify((spec as { type?: unknown }).type)}; use randomNumber, choice, int, float or a function of faker`);
  }
}

/**
 * `n` rows drawn from `schema` as an arquero table, e.g. `mockRows(50, attritionSchema, { seed: 42 })`.
 * Without `seed`, the seed comes from the global generator (`nn.setSeed`).
 */
export function mockRows(n: number, schema: Schema = attritionSchema, options: { seed?: number } = {}): aq.internal.ColumnTable {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`mockRows: n must be a whole number ≥ 0, got ${n}`);
  if (schema === null || typeof schema !== "object" || Object.keys(schema).length === 0) throw new RangeError("mockRows: schema must name at least one column");
  const { Faker, en } = fakerJs();
  const faker = new Faker({ locale: [en] });
  faker.seed(options.seed ?? random().nextUint32());
  const columns: Record<string, (string | number | boolean)[]> = Object.fromEntries(Object.keys(schema).map((c) => [c, []]));
  for (let i = 0; i < n; i++) for (const [c, spec] of Object.entries(schema)) columns[c].push(draw(faker, spec, c));
  return arquero().table(columns);
}
