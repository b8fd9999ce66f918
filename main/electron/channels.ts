// IPC channel names shared by the main process (main/electron) and the preload. Plain constants:
// no electron import, so the preload bundle can include this file as-is.

/** The one request channel: `ipcRenderer.invoke(CALL_CHANNEL, operationName, input)`. */
export const CALL_CHANNEL = 'cic:call';
