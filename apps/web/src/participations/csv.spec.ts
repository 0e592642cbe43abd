import { csvFileName, participantsCsv } from './csv';

describe('participant CSV export', () => {
  it('escapes a formula-like cell so a spreadsheet shows it as text', () => {
    const text = participantsCsv([
      {
        role: 'SPEAKER',
        status: 'ATTENDED',
        source: 'IMPORT',
        checkedInAt: '2026-12-03T08:14:00.000Z',
        actor: {
          name: '=HYPERLINK("http://evil.example";"Klicka")',
          email: 'a@example.se',
          organisation: null,
        },
      },
      {
        role: 'AUDIENCE',
        status: 'REGISTERED',
        source: 'MANUAL',
        actor: { name: 'Åsa Öberg', email: null, organisation: { name: '+46 Konsult; AB' } },
      },
    ]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Namn;E-post;Organisation;Roll;Status;Källa;Incheckad');
    // A leading apostrophe keeps the formula text; the quote inside is doubled (RFC 4180).
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""http://evil.example"";""Klicka"")";a@example.se;;Talare;Deltog;Importerad;3 dec. 2026 09:14`,
    );
    expect(lines[2]).toBe(`Åsa Öberg;;"'+46 Konsult; AB";Publik;Anmäld;Manuellt registrerad;`);
    expect(lines[3]).toBe('');
  });

  it('names the file after the event and its date', () => {
    expect(csvFileName('Höstkonferens: Energi & klimat', '2026-12-03')).toBe(
      'deltagare-hostkonferens-energi-klimat-2026-12-03.csv',
    );
  });
});
