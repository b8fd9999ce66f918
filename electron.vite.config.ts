// electron-vite: bundles the main process, the preload and the renderer into out/.
//   out/main/index.js      ESM (package.json "type": "module"), entry main/electron/index.ts
//   out/preload/index.cjs  CommonJS: sandboxed preloads cannot be ES modules
//   out/renderer/          the React app, built with renderer/vite.config.ts's own settings
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type RendererViteConfig, type UserConfig } from 'electron-vite';
import { loadConfigFromFile } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Native and file-reading packages stay in node_modules (never bundled): the two N-API modules load
 * their .node binaries from their own folders, and pdfmake reads its Roboto fonts from
 * node_modules/pdfmake/fonts. (electron-vite also externalizes every other "dependencies" entry.)
 */
export const MAIN_EXTERNALS = ['better-sqlite3-multiple-ciphers', '@node-rs/argon2', 'pdfmake'];

export default defineConfig(async ({ command, mode }): Promise<UserConfig> => {
  // Reuse the renderer's own Vite config (plugins, aliases, ...), then pin what the desktop build needs.
  const loaded = await loadConfigFromFile({ command, mode }, here('./renderer/vite.config.ts'), undefined, 'silent');
  const { root: _root, base: _base, ...rendererOwn } = (loaded?.config ?? {}) as RendererViteConfig;
  const renderer = mergeConfig(rendererOwn, {
    root: here('./renderer'),
    base: './', // relative asset URLs: the page is loaded from file:// (inside app.asar)
    build: {
      outDir: here('./out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: { index: here('./renderer/index.html') } },
    },
  } satisfies RendererViteConfig) as RendererViteConfig;

  return {
    main: {
      build: {
        outDir: here('./out/main'),
        externalizeDeps: { include: MAIN_EXTERNALS },
        rolldownOptions: { input: { index: here('./main/electron/index.ts') } },
      },
    },
    preload: {
      build: {
        outDir: here('./out/preload'),
        // A sandboxed preload can require only 'electron': bundle everything else (zod, for the
        // contract's operation names) into the one file.
        externalizeDeps: false,
        rolldownOptions: {
          input: { index: here('./preload/index.ts') },
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    },
    renderer,
  };
});
