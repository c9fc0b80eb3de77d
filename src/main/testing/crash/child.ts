// The process the crash harness kills: loads the app's code, opens the case it is told to, and on
// "go" runs one operation of the table (operations.ts) as the app would. The clock is fixed, so
// the state after the operation is the same in every run and can be compared to a reference.
// Messages (process.send): 'loaded' → {open} → 'ready' → 'go' → 'done' | {error}.
import { CaseStore } from '../../store';
import { CRASH_OPERATIONS } from './operations';

const FIXED_NOW = Date.parse('2024-06-01T12:00:00.000Z');
const RealDate = Date;
class FixedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(FIXED_NOW);
    else super(...(args as [string]));
  }
  static override now(): number {
    return FIXED_NOW;
  }
}
globalThis.Date = FixedDate as DateConstructor;

interface OpenMessage {
  open: string;
  operation: string;
  dir: string;
}

let store: CaseStore | null = null;
let operation: (typeof CRASH_OPERATIONS)[number] | undefined;
let dir = '';

function send(message: unknown): void {
  process.send?.(message);
}

process.on('message', (message: OpenMessage | 'go') => {
  if (message === 'go') {
    if (!store || !operation) return send({ error: 'go before open' });
    Promise.resolve(operation.run(store, dir)).then(
      () => {
        store?.close();
        send('done');
        process.disconnect();
      },
      (error: unknown) => {
        send({ error: (error as Error).message });
        process.disconnect();
      },
    );
    return;
  }
  operation = CRASH_OPERATIONS.find((o) => o.name === message.operation);
  if (!operation) return send({ error: `no operation called ${message.operation}` });
  dir = message.dir;
  store = CaseStore.open(message.open);
  send('ready');
});

send('loaded');
