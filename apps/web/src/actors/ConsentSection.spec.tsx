import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { todayInStockholm } from '../initiatives/reasons';
import { ConsentSection } from './ConsentSection';
import { ActorConsentsQuery, RecordConsentMutation, WithdrawConsentMutation } from './operations';

interface ConsentRow {
  id: string;
  givenOn: string;
  textVersion: string;
  source: 'REGISTRATION_FORM' | 'AT_THE_DOOR' | 'EMAIL' | 'PAPER_FORM' | 'OTHER';
  withdrawnOn: string | null;
}

const consentsAnswer = (consents: ConsentRow[]): MockLink.MockedResponse => ({
  request: { query: ActorConsentsQuery, variables: { id: 'a1' } },
  result: {
    data: {
      actor: {
        __typename: 'Actor',
        id: 'a1',
        consentWithdrawn: !consents.some((c) => c.withdrawnOn === null),
        consents: consents.map((c) => ({ __typename: 'Consent', ...c })),
      },
    },
  },
});

const OPEN: ConsentRow = {
  id: 'c2',
  givenOn: '2026-03-01',
  textVersion: '2026-1',
  source: 'AT_THE_DOOR',
  withdrawnOn: null,
};
const WITHDRAWN: ConsentRow = {
  id: 'c1',
  givenOn: '2025-10-01',
  textVersion: '2025-2',
  source: 'EMAIL',
  withdrawnOn: '2026-01-15',
};

function renderSection(mocks: MockLink.MockedResponse[], canWrite = true) {
  return render(
    <MockedProvider mocks={mocks}>
      <ConsentSection actorId="a1" actorName="Anna Andersson" canWrite={canWrite} />
    </MockedProvider>,
  );
}

describe('consent on the actor page', () => {
  it('lists the consents newest first and withdraws the open one on the day chosen', async () => {
    const user = userEvent.setup();
    let sent: Record<string, unknown> | null = null;
    renderSection([
      consentsAnswer([OPEN, WITHDRAWN]),
      {
        request: { query: WithdrawConsentMutation, variables: () => true },
        result: (variables: Record<string, unknown>) => {
          sent = variables;
          return { data: { withdrawConsent: { __typename: 'Consent', id: 'c2' } } };
        },
      },
      consentsAnswer([{ ...OPEN, withdrawnOn: todayInStockholm() }, WITHDRAWN]),
    ]);
    const table = await screen.findByRole('table', { name: 'Samtycken, senaste först' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.querySelectorAll('td'), (c) => c.textContent));
    expect(rows).toEqual([
      ['1 mars 2026', '2026-1', 'Vid entrén', 'Gäller'],
      ['1 oktober 2025', '2025-2', 'E-post', '15 januari 2026'],
    ]);
    expect(screen.getByText('Samtycket gäller. Personen kan bjudas in.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Registrera samtycke' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Återkalla samtycke' }));
    const dialog = await screen.findByRole('dialog', { name: 'Återkalla samtycke' });
    expect(within(dialog).getByLabelText(/Datum/)).toHaveValue(todayInStockholm());
    await user.click(within(dialog).getByRole('button', { name: 'Återkalla samtycke' }));
    expect(await screen.findByText('Samtycket är återkallat.')).toBeInTheDocument();
    expect(sent).toEqual({ input: { actorId: 'a1', withdrawnOn: todayInStockholm() } });
    expect(
      await screen.findByText(
        'Inget gällande samtycke. Personen bjuds inte in och finns inte med i ”Bjud in härnäst”.',
      ),
    ).toBeInTheDocument();
  });

  it('records a consent: missing fields are named, a refused date is shown at the date field', async () => {
    const user = userEvent.setup();
    let sent: Record<string, unknown> | null = null;
    renderSection([
      consentsAnswer([]),
      {
        request: { query: RecordConsentMutation, variables: () => true },
        result: () => ({
          errors: [
            new GraphQLError('givenOn must not be in the future', {
              extensions: { code: 'BAD_USER_INPUT', field: 'givenOn', reason: 'must not be in the future' },
            }),
          ],
        }),
      },
      {
        request: { query: RecordConsentMutation, variables: () => true },
        result: (variables: Record<string, unknown>) => {
          sent = variables;
          return { data: { recordConsent: { __typename: 'Consent', id: 'c9' } } };
        },
      },
      consentsAnswer([{ ...OPEN, id: 'c9', source: 'PAPER_FORM' }]),
    ]);
    expect(await screen.findByText('Inget samtycke är registrerat.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Registrera samtycke' }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrera samtycke' });
    await user.click(within(dialog).getByRole('button', { name: 'Registrera samtycke' }));
    expect(within(dialog).getByText('Fyll i textversionen.')).toBeInTheDocument();
    expect(within(dialog).getByText('Välj hur samtycket gavs.')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText(/Textversion/), '2026-1');
    await user.click(within(dialog).getByRole('button', { name: /Hur/ }));
    await user.click(await screen.findByRole('option', { name: 'Blankett på papper' }));
    await user.click(within(dialog).getByRole('button', { name: 'Registrera samtycke' }));
    expect(await within(dialog).findByText('Datumet får inte vara i framtiden.')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Registrera samtycke' }));
    expect(await screen.findByText('Samtycket är registrerat.')).toBeInTheDocument();
    expect(sent).toEqual({
      input: { actorId: 'a1', givenOn: todayInStockholm(), textVersion: '2026-1', source: 'PAPER_FORM' },
    });
  });

  it('shows the consents without the buttons to a role that does not write actors', async () => {
    renderSection([consentsAnswer([WITHDRAWN])], false);
    expect(await screen.findByRole('table', { name: 'Samtycken, senaste först' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Registrera samtycke' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Återkalla samtycke' })).not.toBeInTheDocument();
  });
});
