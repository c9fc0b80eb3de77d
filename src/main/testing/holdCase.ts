// Test helper process: opens (or makes) the case file given as its argument through a CaseSession,
// as a second workbench would, adds an entity, says "open" (or the refusal) on stdout, and keeps
// the case open until killed.
import fs from 'node:fs';
import path from 'node:path';
import { CaseSession } from '../services/session';

const [file, dataDir] = process.argv.slice(2);
const session = new CaseSession({ dataDir: dataDir ?? path.dirname(file!), backups: false });
try {
  session.open(file!, { create: !fs.existsSync(file!) });
  session.store.entities.insert({ type: 'organization', name: `Written by process ${process.pid}` });
  process.stdout.write('open\n');
} catch (error) {
  process.stdout.write(`refused: ${(error as Error).message}\n`);
}
setInterval(() => {}, 60_000);
