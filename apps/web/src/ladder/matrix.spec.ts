import { buildMatrix, MATRIX_FROM, MATRIX_TO } from './matrix';

describe('the movement matrix', () => {
  it('puts every transition in its cell, the rest at 0, and not engaged on both sides', () => {
    const matrix = buildMatrix([
      { from: null, to: 'AWARENESS', count: 7, suppressed: false },
      { from: 'INTEREST', to: 'PARTICIPATION', count: 12, suppressed: false },
      { from: 'COLLABORATION', to: null, count: 2, suppressed: false },
    ]);
    expect(matrix.map((r) => r.from)).toEqual(MATRIX_FROM);
    expect(matrix[0].cells.map((c) => c.to)).toEqual(MATRIX_TO);
    const cell = (from: number, to: number) => matrix[from].cells[to];
    expect(cell(0, 0)).toMatchObject({ from: null, to: 'AWARENESS', count: 7, applicable: true });
    expect(cell(2, 2)).toMatchObject({ from: 'INTEREST', to: 'PARTICIPATION', count: 12 });
    expect(cell(4, 5)).toMatchObject({ from: 'COLLABORATION', to: null, count: 2 });
    expect(cell(1, 1)).toMatchObject({ from: 'AWARENESS', to: 'INTEREST', count: 0, suppressed: false });
    // Not engaged to not engaged: nobody is counted there.
    expect(cell(0, 5)).toMatchObject({ from: null, to: null, count: null, applicable: false });
    const total = matrix.flatMap((r) => r.cells).reduce((sum, c) => sum + (c.count ?? 0), 0);
    expect(total).toBe(21);
  });

  it('keeps a withheld count withheld', () => {
    const matrix = buildMatrix([{ from: 'AWARENESS', to: 'INTEREST', count: null, suppressed: true }]);
    expect(matrix[1].cells[1]).toMatchObject({ count: null, suppressed: true, applicable: true });
  });
});
