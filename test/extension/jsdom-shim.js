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
