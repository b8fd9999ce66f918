// Electron main-process entry (bundled by electron-vite to out/main/index.js). Hands the real
// Electron modules to runApp; everything testable lives in the modules beside this file.
// Never import main/web (browser mode) from anything under main/electron.

import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, session } from 'electron';
import { runApp } from './app.ts';

runApp({ app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, session }, { mainDir: import.meta.dirname, env: process.env });
