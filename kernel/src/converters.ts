import { createConverter, type Converter } from "tslab/dist/converter";
import type { ConverterSet } from "tslab/dist/executor";

/**
 * tslab's converters (TypeScript watch programs, several hundred ms each to create), made on
 * first use: the browser one is only needed by `//%browser` cells. tslab's own implementation
 * of this interface lives in its main.js and is not exported.
 */
export class LazyConverterSet implements ConverterSet {
  private nodeConverter?: Converter;
  private browserConverter?: Converter;

  get node(): Converter {
    return (this.nodeConverter ??= createConverter({ isJS: false, isBrowser: false }));
  }

  get browser(): Converter {
    return (this.browserConverter ??= createConverter({ isJS: false, isBrowser: true }));
  }

  close(): void {
    this.nodeConverter?.close();
    this.browserConverter?.close();
  }
}
