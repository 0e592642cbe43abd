import { csvField, csvLine, csvSafe, isFormulaLike } from './cell-safety';

describe('formula-safe spreadsheet text', () => {
  it.each(['=HYPERLINK("http://x")', '+SUM(A1)', '-2+3', '@SUM(A1)', '\tx', '\rx', '=1'])(
    'takes %j for a formula',
    (text) => {
      expect(isFormulaLike(text)).toBe(true);
      expect(csvSafe(text)).toBe(`'${text}`);
    },
  );

  it.each(['Umeå kommun', '', ' =not first', 'a=b', "'already", 'Kommunchef, Sorsele kommun', '5'])(
    'leaves %j as it is',
    (text) => {
      expect(isFormulaLike(text)).toBe(false);
      expect(csvSafe(text)).toBe(text);
    },
  );

  it('never touches numbers, negative ones included', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes fields after making them safe, and joins a line', () => {
    expect(csvField('=HYPERLINK("http://x","klicka")')).toBe(`"'=HYPERLINK(""http://x"",""klicka"")"`);
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('rad\nbrytning')).toBe('"rad\nbrytning"');
    expect(csvField(null)).toBe('');
    expect(csvLine(['+SUM(A1)', 3, 'Umeå', undefined])).toBe("'+SUM(A1),3,Umeå,");
  });
});

describe('a CSV field read by a spreadsheet that splits on another separator', () => {
  it('quotes text holding a comma or a semicolon, so no part of it starts a cell with a formula', () => {
    expect(csvField("Anna,=cmd|' /C calc'!A0", ';')).toBe(`"Anna,=cmd|' /C calc'!A0"`);
    expect(csvField('Berg;=1+1', ',')).toBe('"Berg;=1+1"');
    expect(csvField('Anna Berg', ';')).toBe('Anna Berg');
  });
});
