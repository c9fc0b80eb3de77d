// Electron shell: one locked-down window over the shared core. Offline by construction: the page
// is served from app://, every other URL is cancelled, navigation, new windows and permissions denied.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session } from 'electron';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import { platformContract } from '../../../shared/ipc/platform/contract';
import { STORE_CHANGED } from '../../../shared/ipc/contract';
import { openSampleCase } from '../../ipc/handlers';
import { createDispatch } from '../../ipc/handle';
import { redeemDownload, saveDownload } from '../../services/downloads';
import { AppError } from '../../services/errors';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { appPaths } from '../paths';
import { startCore, type Core } from '../startup';
import { clampToArea, windowBounds } from '../windowSize';
import { menuTemplate, type NativeCommands } from './menu';

const ORIGIN = 'app://workbench';
const paths = appPaths(import.meta.dirname);
let window: BrowserWindow | null = null;
let core: Core;

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

function serveApp(): void {
  const root = path.resolve(paths.renderer);
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url);
    const file = path.resolve(root, `.${decodeURIComponent(pathname === '/' ? '/index.html' : pathname)}`);
    if (!file.startsWith(root + path.sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

function lockDown(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = /^(app|devtools|data|blob):/.test(details.url);
    callback({ cancel: !allowed });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function send(event: string, payload: unknown): void {
  window?.webContents.send(event, payload);
}

async function showError(error: unknown): Promise<void> {
  await dialog.showMessageBox({ type: 'error', message: (error as Error).message, buttons: ['OK'] });
}

async function newCase(): Promise<void> {
  const result = await dialog.showSaveDialog({
    title: 'New case',
    defaultPath: core.session.freshPath('Untitled case'),
    filters: [{ name: 'Analyst Workbench case', extensions: ['awcase'] }],
  });
  if (result.canceled || !result.filePath) return;
  core.session.create(result.filePath.endsWith('.awcase') ? result.filePath : `${result.filePath}.awcase`);
}

async function openCase(): Promise<void> {
  const result = await dialog.showOpenDialog({
    title: 'Open case',
    properties: ['openFile'],
    filters: [{ name: 'Analyst Workbench case', extensions: ['awcase'] }],
  });
  const file = result.filePaths[0];
  if (result.canceled || !file) return;
  try {
    core.session.open(file);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'case_in_use') throw error;
    // Never two writers: the case another window holds is offered read-only.
    const choice = await dialog.showMessageBox({
      type: 'info',
      message: error.message,
      buttons: ['Open read-only', 'Cancel'],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice.response === 0) core.session.open(file, { readOnly: true });
  }
}

async function saveCopy(): Promise<void> {
  const store = core.session.store;
  const result = await dialog.showSaveDialog({
    title: 'Save a copy as',
    defaultPath: path.join(path.dirname(store.file), `${store.name} copy.awcase`),
    filters: [{ name: 'Analyst Workbench case', extensions: ['awcase'] }],
  });
  if (result.canceled || !result.filePath) return;
  await store.db.backup(result.filePath);
}

function run(action: () => Promise<void> | void): () => void {
  return () => {
    Promise.resolve()
      .then(action)
      .catch((error: unknown) => showError(error));
  };
}

function buildMenu(): Menu {
  const native: NativeCommands = {
    'case:new': run(newCase),
    'case:open': run(openCase),
    'case:sample': run(() => void openSampleCase(core.context)),
    'case:saveCopy': run(saveCopy),
  };
  return Menu.buildFromTemplate(menuTemplate(native, (id) => send('menu:command', id)));
}

function bindIpc(): void {
  const dispatch = createDispatch(core.handlers, {
    verifyCaller: (caller) => caller.kind === 'electron' && !!caller.frameUrl?.startsWith(`${ORIGIN}/`),
    onWrite: core.onWrite,
    watch: core.watch,
    log: (message, error) => console.error(message, error),
  });
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatch(channel, payload, { kind: 'electron', frameUrl: event.senderFrame?.url }),
    );
  }
  ipcMain.handle('platform:saveFile', async (event, payload: unknown) => {
    if (!event.senderFrame?.url.startsWith(`${ORIGIN}/`))
      return { ok: false, error: { code: 'forbidden', message: 'Refused.' } };
    const parsed = platformContract['platform:saveFile'].input.safeParse(payload);
    if (!parsed.success)
      return { ok: false, error: { code: 'invalid_input', message: 'The file to save was not valid.' } };
    const result = await dialog.showSaveDialog({
      defaultPath: parsed.data.name,
      filters: [
        { name: parsed.data.extensions.join(', ').toUpperCase(), extensions: parsed.data.extensions },
      ],
    });
    if (result.canceled || !result.filePath)
      return { ok: false, error: { code: 'cancelled', message: 'Not saved.' } };
    fs.writeFileSync(result.filePath, parsed.data.data);
    return { ok: true, value: { path: result.filePath } };
  });
  // A file main streams (CSV export): the analyst picks where, main writes it there piece by piece.
  ipcMain.handle('platform:download', async (event, payload: unknown) => {
    if (!event.senderFrame?.url.startsWith(`${ORIGIN}/`))
      return { ok: false, error: { code: 'forbidden', message: 'Refused.' } };
    const parsed = platformContract['platform:download'].input.safeParse(payload);
    const download = parsed.success ? redeemDownload(parsed.data.downloadId) : null;
    if (!download)
      return { ok: false, error: { code: 'not_found', message: 'This export has expired. Export again.' } };
    const extension = path.extname(download.fileName).slice(1) || 'csv';
    const result = await dialog.showSaveDialog({
      defaultPath: download.fileName,
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
    });
    if (result.canceled || !result.filePath)
      return { ok: false, error: { code: 'cancelled', message: 'Not saved.' } };
    try {
      await saveDownload(download, result.filePath);
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `The export could not be written (${(error as Error).message}). No file was changed.`,
        },
      };
    }
    return { ok: true, value: { path: result.filePath } };
  });
  core.session.onChanged((change) => send(STORE_CHANGED, change));
}

function createWindow(): void {
  const bounds = windowBounds(screen.getPrimaryDisplay().workArea);
  window = new BrowserWindow({
    ...bounds,
    title: 'Analyst Workbench',
    show: false,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click would open a link in a new window (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window?.show());
  // A screen unplugged or rescaled: keep the window inside the work area of the display it is on.
  const keepInside = (): void => {
    if (!window) return;
    const inside = clampToArea(window.getBounds(), screen.getDisplayMatching(window.getBounds()).workArea);
    if (inside) window.setBounds(inside);
  };
  screen.on('display-metrics-changed', keepInside);
  screen.on('display-removed', keepInside);
  window.on('closed', () => (window = null));
  void window.loadURL(`${ORIGIN}/index.html`);
}

app.whenReady().then(
  () => {
    lockDown();
    serveApp();
    core = startCore({
      dataDir: process.env.AW_DATA_DIR ?? app.getPath('userData'),
      resourcesDir: paths.resources,
      casePath: process.env.AW_CASE,
    });
    bindIpc();
    Menu.setApplicationMenu(buildMenu());
    createWindow();
  },
  (error: unknown) => {
    console.error(error);
    app.exit(1);
  },
);

app.on('window-all-closed', () => {
  core?.session.close();
  app.quit();
});
