/** The nnlab kernel as a library: start it or install its kernelspec from other Node code. */
export { startKernel } from "./start";
export { installKernelspec, kernelJson, kernelsDir, KERNEL_NAME, type InstallTarget } from "./kernelspec";
export { KernelDisplayHost, DISPLAY_HOST, type DisplayHost } from "./display-host";
