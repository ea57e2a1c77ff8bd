// jsdom lacks DragEvent, which @lumino/dragdrop (imported by @lumino/widgets)
// subclasses at load time; JupyterLab's own jest setup shims it the same way.
if (typeof window.DragEvent === 'undefined') {
  class DragEvent extends MouseEvent {
    constructor(type, init = {}) {
      super(type, init);
      this.dataTransfer = init.dataTransfer ?? null;
    }
  }
  window.DragEvent = DragEvent;
  globalThis.DragEvent = DragEvent;
}

// jest's jsdom environment hides Node's structuredClone, which vega-lite uses on plain JSON
// specs: the V8 serializer gives the same deep copy.
if (typeof globalThis.structuredClone === 'undefined') {
  const v8 = require('v8');
  globalThis.structuredClone = value => (value === undefined ? value : v8.deserialize(v8.serialize(value)));
}

// jsdom has no canvas (it would need the native `canvas` package). Vega measures text with a
// canvas when it can and estimates widths without one; answer "no canvas" quietly.
HTMLCanvasElement.prototype.getContext = () => null;
