// The only bridge between the sandboxed page and main: invoke an allow-listed channel, listen to
// an allow-listed event. No Node, no raw ipcRenderer reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES, PLATFORM_CHANNELS } from '../shared/ipc/channels';

const channels = new Set<string>([...CHANNEL_NAMES, ...PLATFORM_CHANNELS]);
const events = new Set<string>(EVENT_NAMES);

contextBridge.exposeInMainWorld('bridge', {
  shell: 'electron',
  invoke(channel: string, payload: unknown): Promise<unknown> {
    if (!channels.has(channel)) return Promise.reject(new Error(`Unknown channel ${channel}`));
    return ipcRenderer.invoke(channel, payload);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event ${event}`);
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
});
