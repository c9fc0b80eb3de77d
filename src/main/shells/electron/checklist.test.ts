// The Electron shell's own checklist: Electronegativity (Doyensec) over src/, with no finding that
// .electronegativity.json does not accept with a reason. It exits 0 even with HIGH findings, so its
// CSV report is read and judged here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..', '..');

interface Config {
  electronVersion: string;
  excludedChecks: { check: string; why: string }[];
  accepted: { check: string; file: string; why: string }[];
}

interface Finding {
  issue: string;
  severity: string;
  filename: string;
  location: string;
  description: string;
}

function findings(config: Config): Finding[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aw-electronegativity-'));
  try {
    const report = path.join(dir, 'report.csv');
    const cli = path.join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
    const args = [
      cli,
      '-i',
      path.join(ROOT, 'src'),
      '-o',
      report,
      '-r',
      '-v',
      'false',
      '-e',
      config.electronVersion,
    ];
    if (config.excludedChecks.length) args.push('-x', config.excludedChecks.map((c) => c.check).join(','));
    // Its output (progress bar, an offline warning per missing translation) is not ours to print.
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    if (!fs.existsSync(report))
      throw new Error(`Electronegativity wrote no report:\n${run.stdout}\n${run.stderr}`);
    return parse(fs.readFileSync(report, 'utf8'), {
      columns: true,
      trim: true,
      skip_empty_lines: true,
      // Its CSV writes a CSP's quotes ('self') bare inside a field.
      relax_quotes: true,
    }) as Finding[];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

it('has no Electronegativity finding that is not accepted with a reason', () => {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, '.electronegativity.json'), 'utf8')) as Config;
  for (const entry of [...config.accepted, ...config.excludedChecks])
    expect(entry.why.length, entry.check).toBeGreaterThan(40);
  const found = findings(config);
  const isAccepted = (f: Finding): boolean =>
    config.accepted.some((a) => a.check === f.issue && a.file === f.filename);
  expect(
    found
      .filter((f) => !isAccepted(f))
      .map((f) => `${f.issue} (${f.severity}) ${f.filename}:${f.location}: ${f.description}`),
  ).toEqual([]);
  // An acceptance that matches nothing any more is removed, so the list stays the truth.
  expect(
    config.accepted.filter((a) => !found.some((f) => f.issue === a.check && f.filename === a.file)),
  ).toEqual([]);
}, 180_000);
