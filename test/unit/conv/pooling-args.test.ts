/**
 * The checks every pooling layer shares (pooling-base.ts), windowed and global alike: the data
 * format, the input rank and known channels, and rebuilding from a config.
 */
import * as nn from "nnlab";

const L = nn.layers;

beforeEach(() => nn.clearSession());

const all = [
  ["MaxPooling1D", L.maxPooling1d, 1], ["AveragePooling1D", L.averagePooling1d, 1],
  ["MaxPooling2D", L.maxPooling2d, 2], ["AveragePooling2D", L.averagePooling2d, 2],
  ["GlobalMaxPooling1D", L.globalMaxPooling1d, 1], ["GlobalAveragePooling1D", L.globalAveragePooling1d, 1],
  ["GlobalMaxPooling2D", L.globalMaxPooling2d, 2], ["GlobalAveragePooling2D", L.globalAveragePooling2d, 2],
] as const;

describe.each(all)("%s", (className, make, rank) => {
  test("rejects channels-first, naming the layer and the value", () => {
    expect(() => make({ dataFormat: "channels_first" as "channelsLast", name: "p" }))
      .toThrow('p: dataFormat must be "channelsLast" (channels-last [batch, …, channels]; nnlab has no channels-first kernels), got "channels_first"');
  });

  test("rejects an input of the wrong rank or with unknown channels when built", () => {
    const wrong = rank === 1 ? [null, 4, 4, 2] : [null, 4, 2];
    const axes = rank === 1 ? "[batch, steps, channels]" : "[batch, height, width, channels]";
    expect(() => make({ name: "p" }).ensureBuilt(wrong)).toThrow(`p expects a ${rank + 2}-D input ${axes}, got shape [*, ${wrong.slice(1).join(", ")}]`);
    const unknownChannels = [null, ...new Array<number>(rank).fill(4), null];
    expect(() => make({ name: "q" }).ensureBuilt(unknownChannels)).toThrow("q: the channel dimension must be known");
  });

  test("its config rebuilds a layer of the same class with the same config", () => {
    const layer = make({ name: "p" });
    const rebuilt = nn.layers.deserializeLayer({ className, config: layer.getConfig() });
    expect(rebuilt.className).toBe(className);
    expect(rebuilt.getConfig()).toEqual(layer.getConfig());
    expect(layer.getConfig().dataFormat).toBe("channelsLast");
  });
});
