// The two shells seen from the page: Electron's preload bridge, or the browser shell's HTTP
// transport (token from the URL fragment), behind one interface.
export interface Bridge {
  shell: 'electron' | 'browser';
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    bridge?: Bridge;
  }
}

const TOKEN_KEY = 'aw-token';

function browserToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    // Keep the token out of the address bar and history.
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpBridge(): Bridge {
  const token = browserToken();
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    shell: 'browser',
    async invoke(channel, payload) {
      const response = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-aw-token': token },
        body: JSON.stringify(payload ?? {}),
      });
      return response.json();
    },
    on(event, listener) {
      if (!source) source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
      let set = listeners.get(event);
      if (!set) {
        const created = new Set<(payload: unknown) => void>();
        listeners.set(event, created);
        source.addEventListener(event, (message) => {
          const payload = JSON.parse((message as MessageEvent<string>).data) as unknown;
          for (const l of created) l(payload);
        });
        set = created;
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

let cached: Bridge | null = null;

export function bridge(): Bridge {
  cached ??= window.bridge ?? httpBridge();
  return cached;
}

/** Hands bytes to the shell: a save dialog in Electron, a download in the browser. */
export async function saveFile(name: string, data: Uint8Array | string | Blob, mime: string): Promise<void> {
  const b = bridge();
  if (b.shell === 'electron') {
    const bytes =
      typeof data === 'string'
        ? new TextEncoder().encode(data)
        : data instanceof Blob
          ? new Uint8Array(await data.arrayBuffer())
          : data;
    const extension = name.split('.').pop() ?? '';
    await b.invoke('platform:saveFile', { name, data: bytes, extensions: [extension] });
    return;
  }
  // A Blob is handed to the download as it is (an 88 MB image is not copied twice on the way).
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves a file main streams (a CSV export ticket): a save dialog in Electron, a download in the
 * browser. The bytes never pass through the page, so their size does not matter.
 */
export async function saveDownload(downloadId: string): Promise<void> {
  const b = bridge();
  if (b.shell === 'electron') {
    const result = (await b.invoke('platform:download', { downloadId })) as {
      ok: boolean;
      error?: { code: string; message: string };
    };
    if (!result.ok && result.error?.code !== 'cancelled')
      throw new Error(result.error?.message ?? 'The file was not saved.');
    return;
  }
  const anchor = document.createElement('a');
  anchor.href = `/download/${encodeURIComponent(downloadId)}?token=${encodeURIComponent(sessionStorage.getItem(TOKEN_KEY) ?? '')}`;
  anchor.download = '';
  anchor.click();
}
