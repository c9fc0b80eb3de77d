// A spool of JSON values on disk: written one by one, read back once in order. A large import
// keeps its checked rows here between reading the file and writing the case, so memory stays
// bounded however many rows the file has.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FLUSH_AT = 1 << 20;
const READ_CHUNK = 1 << 20;

export class Spool<T> {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-spool-'));
  private readonly file = path.join(this.dir, 'rows.ndjson');
  private readonly fd = fs.openSync(this.file, 'w+');
  private pending: string[] = [];
  private pendingBytes = 0;
  private written = 0;

  get length(): number {
    return this.written;
  }

  push(value: T): void {
    const line = JSON.stringify(value) + '\n';
    this.pending.push(line);
    this.pendingBytes += line.length;
    this.written++;
    if (this.pendingBytes >= FLUSH_AT) this.flush();
  }

  /** The values in the order they were pushed, read from disk a chunk at a time. */
  *values(): Generator<T> {
    this.flush();
    const buffer = Buffer.alloc(READ_CHUNK);
    const decoder = new TextDecoder();
    let position = 0;
    let rest = '';
    for (;;) {
      const read = fs.readSync(this.fd, buffer, 0, buffer.length, position);
      position += read;
      const text = rest + decoder.decode(buffer.subarray(0, read), { stream: read > 0 });
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) yield JSON.parse(line) as T;
      if (read === 0) return;
    }
  }

  /** Deletes the file; the spool cannot be used after. */
  close(): void {
    fs.closeSync(this.fd);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    fs.writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
  }
}
