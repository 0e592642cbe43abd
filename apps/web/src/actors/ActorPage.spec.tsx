import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { InitiativeOptionsQuery, JoinInitiativeMutation } from '../initiatives/operations';
import { todayInStockholm } from '../initiatives/reasons';
import { ActorView, type PageActor } from './ActorPage';
import { RecordEngagementMutation } from './operations';

const reason = (overrides: Partial<PageActor['ladderHistory'][number]['reasons'][number]>) => ({
  rule: 'AWARENESS' as const,
  textSv: '',
  occurredOn: '2026-03-12',
  eventId: null,
  initiativeId: null,
  engagementId: null,
  viaActorId: null,
  ...overrides,
});

const attended = reason({
  rule: 'AWARENESS',
  textSv: 'Medvetenhet: deltog i ”Energidagen” 2026-01-20',
  occurredOn: '2026-01-20',
  eventId: 'e1',
});
const input = reason({
  rule: 'PARTICIPATION',
  textSv: 'Deltagande: lämnade ett inspel 2026-03-12',
  engagementId: 'g1',
});
const workingGroup = reason({
  rule: 'PARTICIPATION',
  textSv: 'Deltagande: gick med i arbetsgruppen ”Vätgas i inlandet” 2026-03-12',
  initiativeId: 'i1',
});

function person(overrides: Partial<PageActor> = {}): PageActor {
  return {
    id: 'a1',
    kind: 'PERSON',
    name: 'Anna Berg',
    anonymisedAt: null,
    email: 'anna@lycksele.se',
    title: 'Näringslivsutvecklare',
    gender: null,
    legalBasis: 'PUBLIC_INTEREST',
    sector: 'PUBLIC_SECTOR',
    country: 'SE',
    organisationNumber: null,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-03-12T09:00:00.000Z',
    organisation: null,
    municipality: { code: '2481', name: 'Lycksele' },
    highestStep: 'PARTICIPATION',
    ladder: {
      step: 'PARTICIPATION',
      label: 'Deltagande',
      level: 3,
      since: '2026-03-12',
      reasons: [input, workingGroup, attended],
    },
    ladderHistory: [
      {
        effectiveOn: '2026-01-20',
        from: null,
        to: 'AWARENESS',
        reasons: [attended],
      },
      {
        effectiveOn: '2026-03-12',
        from: 'AWARENESS',
        to: 'PARTICIPATION',
        reasons: [input, workingGroup],
      },
    ],
    initiatives: [
      {
        id: 'm1',
        role: 'MEMBER',
        joinedOn: '2026-03-12',
        leftOn: null,
        initiative: { id: 'i1', name: 'Vätgas i inlandet', kind: 'WORKING_GROUP' },
      },
    ],
    engagements: [
      {
        id: 'g1',
        kind: 'INPUT',
        occurredOn: '2026-03-12',
        note: 'Skriftligt inspel om laddinfrastruktur.',
        event: null,
        initiative: null,
      },
    ],
    participations: {
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: 'c1' },
      edges: [
        {
          node: {
            id: 'p1',
            role: 'PANELIST',
            status: 'ATTENDED',
            event: {
              id: 'e1',
              title: 'Energidagen',
              startsAt: '2026-01-20T08:00:00.000Z',
            },
          },
        },
      ],
    },
    members: {
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    },
    ...overrides,
  };
}

function renderView(
  actor: PageActor,
  role: 'ADMIN' | 'EVENT_STAFF' | 'STRATEGIST',
  mocks: MockLink.MockedResponse[] = [],
) {
  const onChanged = vi.fn();
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[`/actors/${actor.id}`]}>
        <ActorView actor={actor} role={role} onChanged={onChanged} />
      </MemoryRouter>
    </MockedProvider>,
  );
  return { onChanged };
}

const ladder = () => screen.getByRole('region', { name: 'Engagemangstrappan' });

describe('the actor page', () => {
  it('names the current step in Swedish and links each reason to its evidence', () => {
    renderView(person(), 'EVENT_STAFF');
    expect(screen.getByRole('heading', { level: 1, name: 'Anna Berg' })).toBeInTheDocument();
    expect(within(ladder()).getByText('Steg 3 av 5: Deltagande, sedan 12 mars 2026')).toBeInTheDocument();

    const link = (name: string) => within(ladder()).getByRole('link', { name }).getAttribute('href');
    expect(link('Deltagande: lämnade ett inspel 2026-03-12')).toBe('#engagement-g1');
    expect(link('Deltagande: gick med i arbetsgruppen ”Vätgas i inlandet” 2026-03-12')).toBe(
      '/initiatives/i1',
    );
    expect(link('Medvetenhet: deltog i ”Energidagen” 2026-01-20')).toBe('/events/e1');
    // The engagement the first reason points at is on the page.
    expect(document.getElementById('engagement-g1')).toHaveTextContent('Inspel');
  });

  it('sends a strategist, who may not open the event page, to the participation listed on this page', () => {
    renderView(person(), 'STRATEGIST');
    const link = within(ladder()).getByRole('link', {
      name: 'Medvetenhet: deltog i ”Energidagen” 2026-01-20',
    });
    expect(link).toHaveAttribute('href', '#participation-e1');
    expect(document.getElementById('participation-e1')).toHaveTextContent('Energidagen');
    expect(screen.queryByRole('link', { name: 'Energidagen' })).not.toBeInTheDocument();
    // Strategists record engagements and memberships too (the API's WRITE_INITIATIVES).
    expect(screen.getByRole('button', { name: 'Registrera engagemang' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Redigera' })).toHaveAttribute('href', '/actors/a1/edit');
  });

  it('shows the history of steps as an ordered list, the latest change first', () => {
    renderView(person(), 'EVENT_STAFF');
    const history = screen.getByRole('region', { name: 'Steg över tid' });
    const timeline = within(history).getAllByRole('list')[0];
    expect(timeline.tagName).toBe('OL');
    const heads = [...timeline.querySelectorAll(':scope > li > .timeline__head')].map((p) => p.textContent);
    expect(heads).toEqual([
      '12 mars 2026Medvetenhet → Deltagande',
      '20 januari 2026Inte engagerad → Medvetenhet',
    ]);
  });

  it('offers no edit, engagement or membership for an anonymised person (the API refuses them)', () => {
    renderView(person({ name: 'Anonymiserad person', anonymisedAt: '2026-11-02T09:00:00Z' }), 'ADMIN');
    expect(screen.getByRole('heading', { level: 1, name: 'Anonymiserad person' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Redigera' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Registrera engagemang' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Gå med i initiativ' })).not.toBeInTheDocument();
    // What was recorded before stays on the page.
    expect(within(ladder()).getByText('Steg 3 av 5: Deltagande, sedan 12 mars 2026')).toBeInTheDocument();
  });

  it('says plainly when the actor is not engaged', () => {
    renderView(person({ ladder: null, ladderHistory: [], highestStep: null }), 'STRATEGIST');
    expect(within(ladder()).getByText(/^Inte engagerad just nu\./)).toBeInTheDocument();
  });

  it('lists an organisation’s people with their current steps, each linked to their page', () => {
    const organisation = person({
      id: 'o1',
      kind: 'ORGANISATION',
      name: 'Lycksele kommun',
      email: null,
      title: null,
      ladder: {
        step: 'INTEREST',
        label: 'Intresse',
        level: 2,
        since: '2026-02-01',
        reasons: [
          reason({
            rule: 'INTEREST',
            textSv: 'Intresse: Anna Berg medverkade som talare vid ”X” 2026-02-01',
            eventId: 'e2',
            viaActorId: 'a1',
          }),
        ],
      },
      members: {
        totalCount: 2,
        pageInfo: { hasNextPage: false, endCursor: 'm2' },
        edges: [
          {
            node: {
              id: 'a1',
              name: 'Anna Berg',
              title: 'Näringslivsutvecklare',
              ladder: { step: 'PARTICIPATION', label: 'Deltagande', level: 3 },
            },
          },
          {
            node: { id: 'a2', name: 'Per Ek', title: null, ladder: null },
          },
        ],
      },
    });
    renderView(organisation, 'STRATEGIST');
    // A reason from one of its people leads to that person.
    expect(
      within(ladder()).getByRole('link', {
        name: 'Intresse: Anna Berg medverkade som talare vid ”X” 2026-02-01',
      }),
    ).toHaveAttribute('href', '/actors/a1');
    const table = screen.getByRole('table', { name: 'Personer i Lycksele kommun och deras steg' });
    const row = (name: string) =>
      within(table)
        .getByRole('rowheader', { name: new RegExp(`^${name}`) })
        .closest('tr') as HTMLElement;
    expect(within(row('Anna Berg')).getByText('3. Deltagande')).toBeInTheDocument();
    expect(within(row('Per Ek')).getByText('Inte engagerad')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Per Ek' })).toHaveAttribute('href', '/actors/a2');
  });
});

describe('recording an engagement', () => {
  it(
    'shows the API’s refusal at the field it names, and keeps the dialog open',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup();
      const long = 'Vätgas ';
      const { onChanged } = renderView(person(), 'EVENT_STAFF', [
        {
          request: {
            query: RecordEngagementMutation,
            variables: {
              input: {
                actorId: 'a1',
                kind: 'INPUT',
                occurredOn: todayInStockholm(),
                eventId: null,
                initiativeId: null,
                note: long.trim(),
              },
            },
          },
          result: {
            errors: [
              new GraphQLError('must be at most 2000 characters', {
                extensions: { code: 'BAD_USER_INPUT', field: 'note' },
              }),
            ],
          },
        },
      ]);
      await user.click(screen.getByRole('button', { name: 'Registrera engagemang' }));
      const dialog = await screen.findByRole('dialog', { name: 'Registrera engagemang' });
      await user.click(within(dialog).getByRole('button', { name: /Typ av engagemang/ }));
      await user.click(await screen.findByRole('option', { name: 'Inspel' }));
      await user.type(within(dialog).getByRole('textbox', { name: 'Anteckning (valfritt)' }), long);
      await user.click(within(dialog).getByRole('button', { name: 'Registrera' }));

      const note = within(dialog).getByRole('textbox', { name: 'Anteckning (valfritt)' });
      expect(
        await within(dialog).findByText('Anteckningen är för lång: högst 2 000 tecken.'),
      ).toBeInTheDocument();
      expect(note).toHaveAttribute('aria-invalid', 'true');
      expect(note).toHaveAccessibleDescription(/Anteckningen är för lång/);
      expect(onChanged).not.toHaveBeenCalled();
    },
  );

  it('asks for the kind before sending anything', async () => {
    const user = userEvent.setup();
    renderView(person(), 'ADMIN');
    await user.click(screen.getByRole('button', { name: 'Registrera engagemang' }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrera engagemang' });
    await user.click(within(dialog).getByRole('button', { name: 'Registrera' }));
    expect(await within(dialog).findByText('Välj typ av engagemang.')).toBeInTheDocument();
  });
});

describe('joining an initiative', () => {
  const options = (search: string | null) => ({
    request: { query: InitiativeOptionsQuery, variables: { search } },
    result: {
      data: {
        initiatives: {
          __typename: 'InitiativeConnection',
          edges: [
            {
              __typename: 'InitiativeEdge',
              node: {
                __typename: 'Initiative',
                id: 'i2',
                name: 'Skogens dag-gruppen',
                kind: 'COLLABORATION',
              },
            },
          ],
        },
      },
    },
  });

  it(
    'chooses an initiative by name, a role and a date, then tells the page',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup();
      const { onChanged } = renderView(person(), 'EVENT_STAFF', [
        options(null),
        options('Skog'),
        {
          request: {
            query: JoinInitiativeMutation,
            variables: {
              input: { actorId: 'a1', initiativeId: 'i2', role: 'LEAD', joinedOn: todayInStockholm() },
            },
          },
          result: {
            data: {
              joinInitiative: {
                __typename: 'InitiativeMembership',
                id: 'm2',
                role: 'LEAD',
                joinedOn: todayInStockholm(),
                leftOn: null,
              },
            },
          },
        },
      ]);
      await user.click(screen.getByRole('button', { name: 'Gå med i initiativ' }));
      const dialog = await screen.findByRole('dialog', { name: 'Gå med i initiativ' });
      await user.type(within(dialog).getByRole('combobox', { name: 'Initiativ' }), 'Skog');
      await user.click(await screen.findByRole('option', { name: /Skogens dag-gruppen/ }));
      await user.click(within(dialog).getByRole('button', { name: /Roll/ }));
      await user.click(await screen.findByRole('option', { name: 'Ledare' }));
      await user.click(within(dialog).getByRole('button', { name: 'Gå med' }));

      expect(await screen.findByText('Anna Berg är med i Skogens dag-gruppen.')).toBeInTheDocument();
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(onChanged).toHaveBeenCalledTimes(1);
    },
  );
});
