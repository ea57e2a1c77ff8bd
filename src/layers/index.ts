/** Layer factories, as `nn.layers.dense(...)`. */
export { Layer, type LayerArgs, type LayerConfig } from "./layer";
export { Dense, dense, type DenseArgs } from "./dense";
