import type { RegisterApi } from './api/contract.ts';

declare global {
  interface Window {
    /** Provided by the Electron preload (IPC) or, in browser mode, by the fetch shim. */
    readonly register: RegisterApi;
  }
}

export {};
