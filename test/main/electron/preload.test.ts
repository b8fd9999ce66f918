// preload/index.ts with `electron` mocked: what the page can see is exactly window.register.
import { describe, expect, it, type Mock, vi } from 'vitest';
import { OPERATION_NAMES } from '../../../main/api/contract.ts';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: null as unknown as Mock,
}));

vi.mock('electron', async () => {
  const { vi: v } = await import('vitest');
  electron.invoke = v.fn(async (...args: unknown[]) => ({ ok: true, value: args }));
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
    ipcRenderer: { invoke: electron.invoke, on: v.fn(), send: v.fn() },
  };
});

await import('../../../preload/index.ts');

describe('preload', () => {
  it('exposes only window.register', () => {
    expect([...electron.exposed.keys()]).toEqual(['register']);
  });

  it('has exactly one function per operation in the contract', () => {
    const api = electron.exposed.get('register') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const name of OPERATION_NAMES) expect(typeof api[name], name).toBe('function');
  });

  it("each function calls ipcRenderer.invoke('cic:call', name, input) and returns its result", async () => {
    const api = electron.exposed.get('register') as Record<string, (input: unknown) => Promise<unknown>>;
    for (const name of OPERATION_NAMES) {
      const input = { probe: name };
      await expect(api[name]!(input)).resolves.toEqual({ ok: true, value: ['cic:call', name, input] });
      expect(electron.invoke).toHaveBeenLastCalledWith('cic:call', name, input);
    }
    expect(electron.invoke).toHaveBeenCalledTimes(OPERATION_NAMES.length);
  });

  it('never hands the page ipcRenderer or the IPC event', () => {
    const api = electron.exposed.get('register') as Record<string, unknown>;
    for (const v of Object.values(api)) expect(v).not.toBe(electron.invoke);
    // No key that looks like an IPC primitive or an event subscription (send…, ipc…, onSomething).
    for (const k of Object.keys(api)) expect(k).not.toMatch(/^(ipc|send|invoke|on[A-Z])/);
  });
});
