import { render, screen, within } from '@testing-library/react';
import { DuplicateComparison } from './DuplicatesPage';

const actor = (id: string, overrides: Record<string, unknown>) => ({
  id,
  kind: 'PERSON' as const,
  name: 'Anna Andersson',
  email: 'anna@umea.se',
  title: 'Utvecklingsledare',
  organisationNumber: null,
  sector: 'PUBLIC_SECTOR' as const,
  country: 'SE',
  createdAt: '2026-01-10T09:00:00.000Z',
  organisation: { id: 'o1', name: 'Umeå kommun' },
  municipality: { code: '2480', name: 'Umeå' },
  ...overrides,
});

describe('duplicate comparison', () => {
  it('marks the fields that differ with words, not by colour only', () => {
    render(
      <DuplicateComparison
        candidate={{
          id: 'd1',
          score: 0.87,
          reasons: ['Liknande namn (87 %)', 'Samma kommun'],
          a: actor('a1', {}),
          b: actor('a2', { name: 'ANNA ANDERSSON', email: 'anna.andersson@gmail.com', title: null }),
        }}
        onMerge={() => undefined}
        onDismiss={() => undefined}
      />,
    );
    const table = screen.getByRole('table', { name: 'Jämförelse av Anna Andersson och ANNA ANDERSSON' });
    const row = (field: string) =>
      within(table).getByRole('rowheader', { name: field }).closest('tr') as HTMLElement;

    expect(within(row('E-post')).getByText('Skiljer sig')).toBeInTheDocument();
    expect(within(row('Titel')).getByText('Skiljer sig')).toBeInTheDocument();
    // Case alone does not make a difference.
    expect(within(row('Namn')).getByText('Samma')).toBeInTheDocument();
    expect(within(row('Organisation')).getByText('Samma')).toBeInTheDocument();
    expect(within(row('Kommun')).getByText('Samma')).toBeInTheDocument();
    expect(within(table).getAllByText('Skiljer sig')).toHaveLength(2);

    expect(screen.getByText('Sannolikhet att de är samma: 87 %')).toBeInTheDocument();
    expect(screen.getByText('Samma kommun')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Slå ihop Anna Andersson och ANNA ANDERSSON' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Anna Andersson och ANNA ANDERSSON är inte samma' }),
    ).toBeInTheDocument();
  });
});
