/**
 * The extension's regular JupyterLab plugin (package.json `jupyterlab.extension`): gives
 * the mime renderers a way to the kernel of the panel that shows them (see kernel-bridge.ts).
 * It needs no token: the app's shell lists the main-area widgets, and notebook and console
 * panels expose their `sessionContext`.
 */
import { setKernelLocator, SessionContextLike } from './kernel-bridge';

/** The parts of `JupyterFrontEnd` this plugin uses. */
interface AppLike {
  shell: { widgets(area?: string): Iterable<{ node: HTMLElement; sessionContext?: SessionContextLike }> };
}

const plugin = {
  id: 'nnlab-extension:kernel-bridge',
  description: 'Lets nnlab outputs reach their notebook kernel (the training dashboard\'s Stop button).',
  autoStart: true,
  activate: (app: AppLike): void => {
    setKernelLocator(node => {
      for (const widget of app.shell.widgets('main')) {
        if (widget.sessionContext && widget.node.contains(node)) {
          return widget.sessionContext;
        }
      }
      return undefined;
    });
  }
};

export default plugin;
