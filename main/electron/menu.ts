// The application menu and the right-click menu for text fields. Actions are passed in, so the
// template is plain data that tests can inspect.

import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  backupNow: () => void;
  lock: () => void;
  about: () => void;
}

export function appMenuTemplate(opts: { isPackaged: boolean; actions: MenuActions }): MenuItemConstructorOptions[] {
  const { actions } = opts;
  const devItems: MenuItemConstructorOptions[] = opts.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return [
    {
      label: '&File',
      submenu: [
        { id: 'backup', label: 'Back up now…', click: () => actions.backupNow() },
        { id: 'lock', label: 'Lock', accelerator: 'CmdOrCtrl+L', click: () => actions.lock() },
        { type: 'separator' },
        { id: 'quit', role: 'quit', label: 'Quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        ...devItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      submenu: [{ id: 'about', label: 'About CiC Register', click: () => actions.about() }],
    },
  ];
}

/** Cut / copy / paste on right-click in editable fields, copy on selected text; nothing else. */
export function contextMenuTemplate(params: Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags'>): MenuItemConstructorOptions[] {
  if (params.isEditable) {
    return [
      { role: 'undo', enabled: params.editFlags.canUndo },
      { role: 'redo', enabled: params.editFlags.canRedo },
      { type: 'separator' },
      { role: 'cut', enabled: params.editFlags.canCut },
      { role: 'copy', enabled: params.editFlags.canCopy },
      { role: 'paste', enabled: params.editFlags.canPaste },
      { role: 'selectAll', enabled: params.editFlags.canSelectAll },
    ];
  }
  if (params.selectionText.trim() !== '') return [{ role: 'copy' }];
  return [];
}
