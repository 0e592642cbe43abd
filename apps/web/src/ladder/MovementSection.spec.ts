import { describe, expect, it } from 'vitest';
import { formatNumber } from '../i18n/i18n';
import { MATRIX_FROM, MATRIX_TO } from './matrix';
import { cellButtonLabel } from './MovementSection';

describe('a matrix cell button’s name', () => {
  // WCAG 2.5.3 (label in name): the button shows only its count (as Count formats it), so its name
  // must contain it — also for 1.
  it.each([1, 2, 12, 1234])('contains the count %i it shows, for every cell', (count) => {
    for (const from of MATRIX_FROM) {
      for (const to of MATRIX_TO) {
        expect(cellButtonLabel(from, to, count)).toContain(formatNumber(count));
      }
    }
  });

  it('reads in plain Swedish for one actor and for several', () => {
    expect(cellButtonLabel('INTEREST', 'PARTICIPATION', 1)).toBe(
      'Visa 1 aktör som gick från Intresse till Deltagande',
    );
    expect(cellButtonLabel('INTEREST', 'INTEREST', 12)).toBe(
      'Visa de 12 aktörerna som stod kvar på Intresse',
    );
  });
});
