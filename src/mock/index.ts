/** `nn.mock`: seeded mock tables from a schema (Faker), such as the notes' attrition data. */
export { mockRows, attritionSchema, type Schema, type FieldSpec } from "./mock-rows";
