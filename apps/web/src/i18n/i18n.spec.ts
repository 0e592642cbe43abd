import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { coreMessages } from './catalogue';
import { extendedMessages } from './extended-catalogue';
import { formatNumber, isoToStockholm, stockholmToIso, t } from './i18n';

describe('Stockholm wall-clock times', () => {
  it('turns a winter time into UTC one hour earlier and a summer time two hours earlier', () => {
    expect(stockholmToIso('2026-12-03', '09:00')).toBe('2026-12-03T08:00:00.000Z');
    expect(stockholmToIso('2026-07-01', '09:00')).toBe('2026-07-01T07:00:00.000Z');
  });

  it('reads an instant back as the same Stockholm date and time, across midnight UTC', () => {
    expect(isoToStockholm('2026-07-01T22:30:00.000Z')).toEqual({ date: '2026-07-02', time: '00:30' });
    for (const [date, time] of [
      ['2026-03-28', '23:15'],
      ['2026-10-26', '07:05'],
    ]) {
      expect(isoToStockholm(stockholmToIso(date, time))).toEqual({ date, time });
    }
  });
});

describe('The message catalogue', () => {
  it('fills placeholders and writes numbers the Swedish way', () => {
    expect(t('attendance.counts.registered', { count: 2000 })).toBe(`Anmälda: ${formatNumber(2000)}`);
    expect(formatNumber(2000)).toMatch(/^2\s000$/);
  });
});

describe("The catalogue's two parts", () => {
  // The door's path renders before the second part is loaded: it may use core texts only.
  const CORE_FOLDERS = ['app', 'auth', 'home', 'events', 'participations', 'attendance', 'ui'];
  const sourcesIn = (folder: string): string[] =>
    readdirSync(path.join(__dirname, '..', folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !/\.spec\.tsx?$/.test(file))
      .map((file) => readFileSync(path.join(__dirname, '..', folder, file), 'utf8'));

  it('gives every text the door and the shell use from the core part', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const folder of CORE_FOLDERS) {
      for (const source of sourcesIn(folder)) {
        for (const [, key] of source.matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g)) {
          seen += 1;
          if (!(key in coreMessages)) missing.push(`${folder}: ${key}`);
        }
        for (const [, prefix] of source.matchAll(/\bt\(\s*`([a-zA-Z]+)\./g)) {
          if (!Object.keys(coreMessages).some((k) => k.startsWith(`${prefix}.`)))
            missing.push(`${folder}: ${prefix}.…`);
        }
      }
    }
    expect(seen).toBeGreaterThan(200); // the scan reads the door's own texts
    expect(missing).toEqual([]);
  });

  it('keeps the two parts apart: no key in both', () => {
    const both = Object.keys(extendedMessages).filter((key) => key in coreMessages);
    expect(both).toEqual([]);
  });
});
