import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { vi } from 'vitest';
import { ActorView, type PageActor } from '../actors/ActorPage';
import { ACCESS_LOG_PAGE, DataProtectionSection } from './DataProtectionSection';
import {
  ActorAccessLogQuery,
  ActorDataProtectionQuery,
  AnonymiseActorMutation,
  DeleteActorMutation,
  LiftRestrictionMutation,
  PersonalDataExportMutation,
  RestrictProcessingMutation,
} from './operations';

interface State {
  restricted?: { restrictedAt: string; reason: string } | null;
  anonymisedAt?: string | null;
  exports?: { id: string; createdAt: string; expiresAt: string }[];
  reads?: { id: string; at: string; operation: string; user: string }[];
  more?: boolean;
}

const exportOf = (x: { id: string; createdAt: string; expiresAt: string }) => ({
  __typename: 'PersonalDataExport',
  ...x,
  jsonUrl: `/personal-data-exports/${x.id}.json`,
  pdfUrl: `/personal-data-exports/${x.id}.pdf`,
});

const accessLogOf = (reads: NonNullable<State['reads']>, more: boolean, total = reads.length) => ({
  __typename: 'AccessLogEntryConnection',
  totalCount: total,
  pageInfo: { __typename: 'PageInfo', hasNextPage: more, endCursor: more ? 'cursor-1' : null },
  edges: reads.map((r) => ({
    __typename: 'AccessLogEntryEdge',
    node: {
      __typename: 'AccessLogEntry',
      id: r.id,
      at: r.at,
      operation: r.operation,
      user: { __typename: 'AccessLogUser', id: `u-${r.user}`, name: r.user },
    },
  })),
});

const sectionAnswer = (state: State = {}, maxUsageCount = 1): MockLink.MockedResponse => ({
  request: { query: ActorDataProtectionQuery, variables: { id: 'a1', accessFirst: ACCESS_LOG_PAGE } },
  result: {
    data: {
      actor: {
        __typename: 'Actor',
        id: 'a1',
        restricted: Boolean(state.restricted),
        restriction: state.restricted ? { __typename: 'ActorRestriction', ...state.restricted } : null,
        anonymisedAt: state.anonymisedAt ?? null,
      },
      personalDataExports: (state.exports ?? []).map(exportOf),
      accessLog: accessLogOf(
        state.reads ?? [],
        state.more ?? false,
        (state.reads ?? []).length + (state.more ? 1 : 0),
      ),
    },
  },
  maxUsageCount,
});

/** A refusal as the API gives it: the field, a stable reason code, and an English message. */
const badInput = (field: string, reason: string, message: string) => ({
  errors: [
    new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field, reason } }),
  ],
});

function Where() {
  const location = useLocation();
  return (
    <p>
      {location.pathname} {(location.state as { message?: string } | null)?.message}
    </p>
  );
}

function renderSection(mocks: MockLink.MockedResponse[], hasEvidence = true) {
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={['/actors/a1']}>
        <Routes>
          <Route
            path="/actors/a1"
            element={
              <DataProtectionSection actorId="a1" actorName="Anna Andersson" hasEvidence={hasEvidence} />
            }
          />
          <Route path="/actors" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('the data-protection section of a person', () => {
  it('says since when and why processing is restricted, lists the extracts and who has read the data', async () => {
    const user = userEvent.setup();
    renderSection([
      sectionAnswer({
        restricted: { restrictedAt: '2026-11-02T09:00:00.000Z', reason: 'Begäran om rättelse prövas' },
        exports: [{ id: 'x1', createdAt: '2026-12-01T10:15:00.000Z', expiresAt: '2026-12-08T10:15:00.000Z' }],
        reads: [
          { id: 'r1', at: '2026-12-03T08:05:00.000Z', operation: 'actor', user: 'Eva Ek' },
          { id: 'r2', at: '2026-12-02T14:00:00.000Z', operation: 'GET /exports/actors.csv', user: 'Bo Berg' },
          { id: 'r3', at: '2026-12-01T07:00:00.000Z', operation: 'ladderTransitionActors', user: 'Bo Berg' },
        ],
        more: true,
      }),
      {
        request: {
          query: ActorAccessLogQuery,
          variables: { id: 'a1', first: ACCESS_LOG_PAGE, after: 'cursor-1' },
        },
        result: {
          data: {
            accessLog: accessLogOf(
              [{ id: 'r4', at: '2026-11-20T07:00:00.000Z', operation: 'checkInSearch', user: 'Dörr Dora' }],
              false,
              4,
            ),
          },
        },
      },
    ]);

    expect(
      await screen.findByText(
        'Behandlingen är begränsad sedan 2 november 2026. Skäl: Begäran om rättelse prövas',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Dataskydd' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Häv begränsning' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Begränsa behandling' })).not.toBeInTheDocument();
    // The person has evidence: deleting is not offered, anonymising is.
    expect(screen.getByRole('button', { name: 'Anonymisera' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Radera' })).not.toBeInTheDocument();

    expect(
      screen.getByText('Registerutdrag 1 dec. 2026 11:15, gäller till 8 december 2026'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ladda ner registerutdrag (PDF)' })).toHaveAttribute(
      'href',
      '/personal-data-exports/x1.pdf',
    );
    expect(screen.getByRole('link', { name: 'Ladda ner registerutdrag (JSON)' })).toHaveAttribute(
      'href',
      '/personal-data-exports/x1.json',
    );

    const table = screen.getByRole('table', { name: 'Vem har läst uppgifterna, senaste först' });
    const rows = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => Array.from(row.querySelectorAll('td'), (c) => c.textContent));
    expect(rows()).toEqual([
      ['Eva Ek', '3 dec. 2026 09:05', 'Öppnade aktörens sida'],
      ['Bo Berg', '2 dec. 2026 15:00', 'Exporterade aktörer'],
      ['Bo Berg', '1 dec. 2026 08:00', 'ladderTransitionActors'],
    ]);
    expect(screen.getByText('Visar 3 av 4.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Visa fler' }));
    expect(await within(table).findByText('Dörr Dora')).toBeInTheDocument();
    expect(rows()[3]).toEqual(['Dörr Dora', '20 nov. 2026 08:00', 'Sökte vid entrén']);
    expect(screen.queryByRole('button', { name: 'Visa fler' })).not.toBeInTheDocument();
  });

  it('makes a register extract and offers it for download', async () => {
    const user = userEvent.setup();
    const made = { id: 'x2', createdAt: '2026-12-04T19:00:00.000Z', expiresAt: '2026-12-11T19:00:00.000Z' };
    renderSection([
      sectionAnswer({}),
      {
        request: { query: PersonalDataExportMutation, variables: { actorId: 'a1' } },
        result: { data: { personalDataExport: exportOf(made) } },
      },
      sectionAnswer({
        exports: [made],
        reads: [{ id: 'r1', at: made.createdAt, operation: 'personalDataExport', user: 'Admin Adminsson' }],
      }),
    ]);
    expect(await screen.findByText('Det finns inget registerutdrag att ladda ner.')).toBeInTheDocument();
    expect(screen.getByText('Ingen har läst uppgifterna ännu.')).toBeInTheDocument();
    expect(screen.getByText('Behandlingen är inte begränsad.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Gör registerutdrag' }));
    expect(
      await screen.findByText('Registerutdraget är klart. Det går att ladda ner till 11 december 2026.'),
    ).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Ladda ner registerutdrag (PDF)' })).toHaveAttribute(
      'href',
      '/personal-data-exports/x2.pdf',
    );
    expect(screen.getByText('Gjorde registerutdrag')).toBeInTheDocument();
  });

  it('says to wait when the exports budget is spent', async () => {
    const user = userEvent.setup();
    renderSection([
      sectionAnswer({}),
      {
        request: { query: PersonalDataExportMutation, variables: { actorId: 'a1' } },
        result: {
          errors: [new GraphQLError('Too many requests', { extensions: { code: 'RATE_LIMITED' } })],
        },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Gör registerutdrag' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Du har gjort många registerutdrag och exporter på kort tid. Vänta en stund och försök igen.',
    );
  });

  it('restricts processing with a reason: a missing or refused reason is shown at the field', async () => {
    const user = userEvent.setup();
    let sent: Record<string, unknown> | null = null;
    renderSection([
      sectionAnswer({}),
      {
        request: { query: RestrictProcessingMutation, variables: () => true },
        result: () => badInput('reason', 'TOO_LONG', 'must be at most 500 characters'),
      },
      {
        request: { query: RestrictProcessingMutation, variables: () => true },
        result: (variables: Record<string, unknown>) => {
          sent = variables;
          return {
            data: {
              restrictProcessing: {
                __typename: 'Actor',
                id: 'a1',
                restricted: true,
                restriction: {
                  __typename: 'ActorRestriction',
                  restrictedAt: '2026-12-04T19:00:00.000Z',
                  reason: 'Invändning',
                },
              },
            },
          };
        },
      },
      sectionAnswer({ restricted: { restrictedAt: '2026-12-04T19:00:00.000Z', reason: 'Invändning' } }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Begränsa behandling' }));
    const dialog = await screen.findByRole('dialog', { name: 'Begränsa behandlingen av Anna Andersson' });
    expect(within(dialog).getByText(/döljs då för alla utom administratörer/)).toBeInTheDocument();
    expect(within(dialog).getByText(/räknas ändå med/)).toBeInTheDocument();

    const reason = within(dialog).getByRole('textbox', { name: /Skäl/ });
    await user.click(within(dialog).getByRole('button', { name: 'Begränsa behandling' }));
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(/Skriv skälet till begränsningen\./);

    await user.type(reason, 'Invändning');
    await user.click(within(dialog).getByRole('button', { name: 'Begränsa behandling' }));
    expect(
      await within(dialog).findByText('Texten är för lång. Korta den och försök igen.'),
    ).toBeInTheDocument();
    expect(reason).toHaveAttribute('aria-invalid', 'true');

    await user.click(within(dialog).getByRole('button', { name: 'Begränsa behandling' }));
    expect(await screen.findByText('Behandlingen av Anna Andersson är begränsad.')).toBeInTheDocument();
    // Focus is back on the button that opened the dialog, now the one that lifts the restriction.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Häv begränsning' })).toHaveFocus());
    expect(sent).toEqual({ actorId: 'a1', reason: 'Invändning' });
    expect(
      await screen.findByText('Behandlingen är begränsad sedan 4 december 2026. Skäl: Invändning'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Häv begränsning' })).toBeInTheDocument();
  });

  it('asks before lifting a restriction', async () => {
    const user = userEvent.setup();
    const lifted = vi.fn();
    renderSection([
      sectionAnswer({ restricted: { restrictedAt: '2026-11-02T09:00:00.000Z', reason: 'Invändning' } }),
      {
        request: { query: LiftRestrictionMutation, variables: { actorId: 'a1' } },
        result: () => {
          lifted();
          return {
            data: {
              liftRestriction: { __typename: 'Actor', id: 'a1', restricted: false, restriction: null },
            },
          };
        },
      },
      sectionAnswer({}),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Häv begränsning' }));
    let dialog = await screen.findByRole('dialog', { name: 'Häv begränsningen för Anna Andersson?' });
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(lifted).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Häv begränsning' }));
    dialog = await screen.findByRole('dialog', { name: 'Häv begränsningen för Anna Andersson?' });
    await user.click(within(dialog).getByRole('button', { name: 'Häv begränsning' }));
    expect(await screen.findByText('Begränsningen är hävd.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Begränsa behandling' })).toHaveFocus());
    expect(lifted).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('button', { name: 'Begränsa behandling' })).toBeInTheDocument();
  });

  it('anonymises after a plain warning and a case reference, then shows the anonymous person', async () => {
    const user = userEvent.setup();
    let sent: Record<string, unknown> | null = null;
    renderSection([
      sectionAnswer({}),
      {
        request: { query: AnonymiseActorMutation, variables: () => true },
        result: (variables: Record<string, unknown>) => {
          sent = variables;
          return {
            data: {
              anonymiseActor: {
                __typename: 'Actor',
                id: 'a1',
                kind: 'PERSON',
                name: 'Anonymiserad person',
                email: null,
                title: null,
                gender: null,
                legalBasis: 'LEGITIMATE_INTEREST',
                sector: 'PUBLIC_SECTOR',
                country: 'SE',
                organisationNumber: null,
                createdAt: '2025-01-01T00:00:00.000Z',
                updatedAt: '2026-12-04T19:00:00.000Z',
                organisation: null,
                municipality: null,
                restricted: false,
                restriction: null,
                anonymisedAt: '2026-12-04T19:00:00.000Z',
              },
            },
          };
        },
      },
      sectionAnswer({ anonymisedAt: '2026-12-04T19:00:00.000Z' }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Anonymisera' }));
    const dialog = await screen.findByRole('dialog', { name: 'Anonymisera Anna Andersson' });
    expect(within(dialog).getByText('Det går inte att ångra en anonymisering.')).toBeInTheDocument();
    expect(within(dialog).getByText(/^Raderas för alltid: namnet/)).toBeInTheDocument();
    expect(within(dialog).getByText(/^Sparas utan namn:/)).toBeInTheDocument();
    const reference = within(dialog).getByRole('textbox', { name: /Ärendereferens/ });
    expect(reference).toHaveAccessibleDescription(/Skriv inga personuppgifter här/);

    await user.click(within(dialog).getByRole('button', { name: 'Anonymisera' }));
    expect(reference).toHaveAccessibleDescription(/Skriv ärendereferensen\./);
    await user.type(reference, ' RVB 2026/123 ');
    await user.click(within(dialog).getByRole('button', { name: 'Anonymisera' }));

    expect(await screen.findByText('Personen är anonymiserad.')).toBeInTheDocument();
    // The button that opened the dialog is gone: the section's heading has the focus.
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Dataskydd' })).toHaveFocus());
    // … and keeps it once React Aria has finished restoring focus after the dialog.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.getByRole('heading', { level: 2, name: 'Dataskydd' })).toHaveFocus();
    expect(sent).toEqual({ actorId: 'a1', reason: 'RVB 2026/123' });
    expect(await screen.findByText('Anonymiserad 4 december 2026')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Anonymisera' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Gör registerutdrag' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Begränsa behandling' })).not.toBeInTheDocument();
  });

  it('deletes a person without any evidence and goes to the actor list with a message', async () => {
    const user = userEvent.setup();
    renderSection(
      [
        sectionAnswer({}),
        {
          request: { query: DeleteActorMutation, variables: { actorId: 'a1', reason: 'RVB 2026/7' } },
          result: { data: { deleteActor: 'a1' } },
        },
      ],
      false,
    );
    await user.click(await screen.findByRole('button', { name: 'Radera' }));
    const dialog = await screen.findByRole('dialog', { name: 'Radera Anna Andersson' });
    await user.type(within(dialog).getByRole('textbox', { name: /Ärendereferens/ }), 'RVB 2026/7');
    await user.click(within(dialog).getByRole('button', { name: 'Radera' }));
    expect(await screen.findByText('/actors Personen är raderad.')).toBeInTheDocument();
    // The name does not travel in the history's state (it would come back on reload or "back").
    expect(screen.queryByText(/Anna Andersson/)).not.toBeInTheDocument();
  });

  it('says to anonymise instead when the API finds evidence after all', async () => {
    const user = userEvent.setup();
    renderSection(
      [
        sectionAnswer({}),
        {
          request: { query: DeleteActorMutation, variables: () => true },
          result: badInput(
            'actorId',
            'HAS_EVIDENCE',
            'the person has recorded participations, memberships, engagements or ladder history; anonymise instead',
          ),
        },
      ],
      false,
    );
    await user.click(await screen.findByRole('button', { name: 'Radera' }));
    const dialog = await screen.findByRole('dialog', { name: 'Radera Anna Andersson' });
    await user.type(within(dialog).getByRole('textbox', { name: /Ärendereferens/ }), 'RVB 2026/7');
    await user.click(within(dialog).getByRole('button', { name: 'Radera' }));
    expect(
      await within(dialog).findByText(
        'Personen har uppgifter som statistiken bygger på och kan inte raderas. Anonymisera personen i stället.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/är raderad/)).not.toBeInTheDocument();
  });
});

describe('the API’s refusals of the person’s data-protection operations', () => {
  it.each([
    ['NOT_FOUND', 'no actor has this ID', 'Personen finns inte längre. Ladda om sidan.'],
    ['ANONYMISED', 'anonymised persons cannot be restricted', 'Personen är redan anonymiserad.'],
    ['ALREADY_RESTRICTED', 'processing is already restricted', 'Behandlingen är redan begränsad.'],
    ['NOT_A_PERSON', 'only a person can be restricted', 'Det gäller bara personer, inte organisationer.'],
  ])('says a restriction refused with %s in Swedish, above the form', async (reason, message, text) => {
    const user = userEvent.setup();
    renderSection([
      sectionAnswer({}),
      {
        request: { query: RestrictProcessingMutation, variables: () => true },
        result: () => badInput('actorId', reason, message),
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Begränsa behandling' }));
    const dialog = await screen.findByRole('dialog', { name: 'Begränsa behandlingen av Anna Andersson' });
    await user.type(within(dialog).getByRole('textbox', { name: /Skäl/ }), 'Invändning');
    await user.click(within(dialog).getByRole('button', { name: 'Begränsa behandling' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(text);
  });

  it('says a lift refused with NOT_RESTRICTED in Swedish', async () => {
    const user = userEvent.setup();
    renderSection([
      sectionAnswer({ restricted: { restrictedAt: '2026-11-02T09:00:00.000Z', reason: 'Invändning' } }),
      {
        request: { query: LiftRestrictionMutation, variables: { actorId: 'a1' } },
        result: () => badInput('actorId', 'NOT_RESTRICTED', 'processing is not restricted'),
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Häv begränsning' }));
    const dialog = await screen.findByRole('dialog', { name: 'Häv begränsningen för Anna Andersson?' });
    await user.click(within(dialog).getByRole('button', { name: 'Häv begränsning' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Behandlingen är inte begränsad.');
  });
});

describe('the section on the actor page', () => {
  const bare: PageActor = {
    id: 'a1',
    kind: 'PERSON',
    name: 'Anna Andersson',
    anonymisedAt: null,
    email: null,
    title: null,
    gender: null,
    legalBasis: 'PUBLIC_INTEREST',
    sector: 'PUBLIC_SECTOR',
    country: 'SE',
    organisationNumber: null,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-01-10T09:00:00.000Z',
    organisation: null,
    municipality: null,
    highestStep: null,
    ladder: null,
    ladderHistory: [],
    initiatives: [],
    engagements: [],
    participations: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
    members: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
  };

  function renderPage(actor: PageActor, role: 'ADMIN' | 'STRATEGIST') {
    render(
      <MockedProvider mocks={[sectionAnswer({}, Infinity)]}>
        <MemoryRouter initialEntries={['/actors/a1']}>
          <ActorView actor={actor} role={role} onChanged={vi.fn()} />
        </MemoryRouter>
      </MockedProvider>,
    );
  }

  it('is shown to the administrator, with "Radera" for a person without any evidence', async () => {
    renderPage(bare, 'ADMIN');
    const section = await screen.findByRole('region', { name: 'Dataskydd' });
    expect(await within(section).findByRole('button', { name: 'Radera' })).toBeInTheDocument();
  });

  it('offers no "Radera" once the person has an engagement', async () => {
    renderPage(
      {
        ...bare,
        engagements: [
          { id: 'g1', kind: 'INPUT', occurredOn: '2026-03-12', note: null, event: null, initiative: null },
        ],
      },
      'ADMIN',
    );
    const section = await screen.findByRole('region', { name: 'Dataskydd' });
    expect(await within(section).findByRole('button', { name: 'Anonymisera' })).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Radera' })).not.toBeInTheDocument();
  });

  it('is not there for a strategist', () => {
    renderPage(bare, 'STRATEGIST');
    expect(screen.getByRole('heading', { level: 2, name: 'Uppgifter' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Dataskydd' })).not.toBeInTheDocument();
  });
});
