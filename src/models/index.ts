export { Model, type CompileArgs, type Data } from "./model";
export { Sequential, sequential, type SequentialArgs } from "./sequential";
export type { FitArgs } from "./training";
export { summaryText, summaryHtml, summaryBundle } from "./summary";
