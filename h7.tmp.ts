import fs from 'node:fs';
import { runHostile } from './src/main/testing/hostile/harness';
import { HOSTILE_PARSERS } from './src/main/testing/hostile/parsers';
const dir = fs.mkdtempSync('/tmp/relh/run-');
const t = Date.now();
const reports = await runHostile({ parsers: HOSTILE_PARSERS.filter((p) => p.name.includes(process.argv[2]!)), mutationsPerSample: 25, dir, measureMemory: true, seed: 17 });
for (const r of reports) if (r.ms > 2000 || r.verdict !== 'accepted' && r.verdict !== 'refused' || (r.peakMb ?? 0) > 4 * r.bytes / 2**20 + 200) console.log(r.parser, r.file, r.verdict, Math.round(r.ms), r.peakMb && Math.round(r.peakMb), r.detail.slice(0, 150));
console.log('files', reports.length, 'total s', (Date.now() - t) / 1000, 'avg ms', Math.round(reports.reduce((a, r) => a + r.ms, 0) / reports.length));
fs.rmSync(dir, { recursive: true, force: true });
