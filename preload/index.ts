// The preload (DESIGN.md "The one seam"): exposes `window.register`, one function per operation
// in the API contract, each forwarding (name, input) over the single `cic:call` IPC channel.
// No logic here: validation, the sender check and errors all live in the main process.
// Built as CommonJS (out/preload/index.cjs) because sandboxed preloads cannot load ES modules.

import { contextBridge, ipcRenderer } from 'electron';
import { OPERATION_NAMES, type RegisterApi } from '../main/api/contract.ts';
import { CALL_CHANNEL } from '../main/electron/channels.ts';

const api = Object.fromEntries(
  OPERATION_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(CALL_CHANNEL, name, input)]),
) as RegisterApi;

contextBridge.exposeInMainWorld('register', api);
