import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Spool } from './spool';

describe('Spool', () => {
  it('gives back every value in order, across flushes and read chunks, and deletes its file', () => {
    const spool = new Spool<{ i: number; name: string }>();
    const names = ['plain', 'with\nnewline', 'الجماعة', 'quote " and , comma', 'x'.repeat(3_000)];
    const total = 5_000;
    for (let i = 0; i < total; i++) spool.push({ i, name: names[i % names.length]! });
    expect(spool.length).toBe(total);
    let count = 0;
    for (const value of spool.values()) {
      expect(value).toEqual({ i: count, name: names[count % names.length] });
      count++;
    }
    expect(count).toBe(total);
    const file = (spool as unknown as { file: string }).file;
    expect(fs.existsSync(file)).toBe(true);
    spool.close();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('reads nothing from an empty spool', () => {
    const spool = new Spool<number>();
    expect([...spool.values()]).toEqual([]);
    spool.close();
  });
});
