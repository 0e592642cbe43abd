import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import {
  ChangeUserRoleMutation,
  CreateUserMutation,
  DisableUserMutation,
  EnableUserMutation,
  IssueTokenMutation,
  UsersQuery,
} from './operations';
import { UsersView } from './UsersPage';

const user = (id: string, name: string, overrides: Record<string, unknown> = {}) => ({
  __typename: 'User',
  id,
  name,
  email: `${id}@regionvasterbotten.se`,
  role: 'STRATEGIST',
  disabledAt: null,
  lastSignedInAt: null,
  ...overrides,
});

const me = user('u-me', 'Admin Adminsson', { role: 'ADMIN', lastSignedInAt: '2026-12-03T08:05:00.000Z' });
const anna = user('u-anna', 'Anna Berg');

const usersMock = (users: ReturnType<typeof user>[], maxUsageCount = 1): MockLink.MockedResponse => ({
  request: { query: UsersQuery },
  result: { data: { users } },
  maxUsageCount,
});

function renderPage(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks}>
      <UsersView currentUserId={me.id} />
    </MockedProvider>,
  );
}

const rowOf = async (name: string) =>
  (await screen.findByRole('rowheader', { name: new RegExp(`^${name}`) })).closest('tr') as HTMLElement;

describe('the list of users', () => {
  it('shows role, status and last sign-in in Swedish, and no "Stäng av" for oneself', async () => {
    renderPage([usersMock([me, anna], Infinity)]);
    const mine = await rowOf('Admin Adminsson');
    expect(within(mine).getByText('Administratör')).toBeInTheDocument();
    expect(within(mine).getByText('Aktiv')).toBeInTheDocument();
    expect(within(mine).getByText('3 dec. 2026 09:05')).toBeInTheDocument();
    expect(within(mine).queryByRole('button', { name: /^Stäng av/ })).not.toBeInTheDocument();
    expect(
      within(mine).getByText('Du kan inte stänga av dig själv eller byta din egen roll.'),
    ).toBeInTheDocument();

    const annas = await rowOf('Anna Berg');
    expect(within(annas).getByText('Strateg')).toBeInTheDocument();
    expect(within(annas).getByText('Aldrig')).toBeInTheDocument();
    expect(within(annas).getByRole('button', { name: 'Stäng av Anna Berg' })).toBeInTheDocument();
    expect(
      within(annas).getByRole('button', { name: 'Skicka ny inbjudan till Anna Berg' }),
    ).toBeInTheDocument();
    expect(within(annas).getByRole('button', { name: 'Ny API-nyckel för Anna Berg' })).toBeInTheDocument();
  });
});

describe('a new user', () => {
  it('shows the invitation link once, in a read-only field that can be copied', async () => {
    const u = userEvent.setup();
    const bo = user('u-bo', 'Bo Ek', { role: 'COMMITTEE' });
    renderPage([
      usersMock([me]),
      {
        request: {
          query: CreateUserMutation,
          variables: { input: { name: 'Bo Ek', email: 'bo@regionvasterbotten.se', role: 'COMMITTEE' } },
        },
        result: {
          data: { createUser: { __typename: 'CreatedUser', invitationUrl: '/invitation/s3cret', user: bo } },
        },
      },
      usersMock([me, bo], Infinity),
    ]);
    await rowOf('Admin Adminsson');
    await u.click(screen.getByRole('textbox', { name: /^Namn/ }));
    await u.paste('Bo Ek');
    await u.click(screen.getByRole('textbox', { name: /^E-post/ }));
    await u.paste('bo@regionvasterbotten.se');
    await u.click(screen.getByRole('button', { name: /Roll/ }));
    await u.click(await screen.findByRole('option', { name: 'Nämnd' }));
    await u.click(screen.getByRole('button', { name: 'Skapa användare' }));

    const link = `${window.location.origin}/invitation/s3cret`;
    const field = await screen.findByRole('textbox', { name: 'Inbjudningslänk' });
    expect(field).toHaveValue(link);
    expect(field).toHaveAttribute('readonly');
    expect(screen.getByText(/gäller i 7 dagar/)).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: 'Kopiera länk' }));
    expect(await navigator.clipboard.readText()).toBe(link);
    expect(screen.getByText('Länken är kopierad.')).toBeInTheDocument();
    expect(await rowOf('Bo Ek')).toBeInTheDocument();

    await u.click(screen.getByRole('button', { name: 'Klar' }));
    expect(screen.queryByRole('textbox', { name: 'Inbjudningslänk' })).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(link)).not.toBeInTheDocument();
  });

  it('shows the API’s refusal at the field it names', async () => {
    const u = userEvent.setup();
    renderPage([
      usersMock([me, anna], Infinity),
      {
        request: {
          query: CreateUserMutation,
          variables: {
            input: { name: 'Anna Berg', email: 'u-anna@regionvasterbotten.se', role: 'STRATEGIST' },
          },
        },
        result: {
          errors: [
            new GraphQLError('email: already has a user', {
              extensions: { code: 'BAD_USER_INPUT', field: 'email' },
            }),
          ],
        },
      },
    ]);
    await rowOf('Anna Berg');
    await u.click(screen.getByRole('button', { name: 'Skapa användare' }));
    expect(screen.getByRole('textbox', { name: /^Namn/ })).toHaveAccessibleDescription('Fyll i namn.');

    await u.click(screen.getByRole('textbox', { name: /^Namn/ }));
    await u.paste('Anna Berg');
    await u.click(screen.getByRole('textbox', { name: /^E-post/ }));
    await u.paste('u-anna@regionvasterbotten.se');
    await u.click(screen.getByRole('button', { name: /Roll/ }));
    await u.click(await screen.findByRole('option', { name: 'Strateg' }));
    await u.click(screen.getByRole('button', { name: 'Skapa användare' }));
    const email = screen.getByRole('textbox', { name: /^E-post/ });
    expect(
      await screen.findByText('Det finns redan en användare med den e-postadressen.'),
    ).toBeInTheDocument();
    expect(email).toHaveAccessibleDescription('Det finns redan en användare med den e-postadressen.');
    expect(email).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('disabling and enabling', () => {
  it('asks before disabling, and does nothing when the question is cancelled', async () => {
    const u = userEvent.setup();
    renderPage([
      usersMock([me, anna], Infinity),
      {
        request: { query: DisableUserMutation, variables: { id: anna.id } },
        result: { data: { disableUser: { ...anna, disabledAt: '2026-12-04T10:00:00.000Z' } } },
      },
      {
        request: { query: EnableUserMutation, variables: { id: anna.id } },
        result: { data: { enableUser: { ...anna, disabledAt: null } } },
      },
    ]);
    const annas = await rowOf('Anna Berg');
    await u.click(within(annas).getByRole('button', { name: 'Stäng av Anna Berg' }));
    let dialog = await screen.findByRole('dialog', { name: 'Stäng av Anna Berg?' });
    await u.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(annas).getByText('Aktiv')).toBeInTheDocument();

    await u.click(within(annas).getByRole('button', { name: 'Stäng av Anna Berg' }));
    dialog = await screen.findByRole('dialog', { name: 'Stäng av Anna Berg?' });
    await u.click(within(dialog).getByRole('button', { name: 'Ja, stäng av' }));
    expect(await screen.findByText('Anna Berg är avstängd.')).toBeInTheDocument();
    expect(within(annas).getByText('Avstängd')).toBeInTheDocument();

    await u.click(within(annas).getByRole('button', { name: 'Aktivera Anna Berg' }));
    expect(await screen.findByText('Anna Berg är aktiverad igen.')).toBeInTheDocument();
    expect(within(annas).getByText('Aktiv')).toBeInTheDocument();
  });
});

describe("a user's role", () => {
  it('is changed after choosing the new one in a dialog; not offered for oneself', async () => {
    const u = userEvent.setup();
    renderPage([
      usersMock([me, anna], Infinity),
      {
        request: { query: ChangeUserRoleMutation, variables: { id: anna.id, role: 'EVENT_STAFF' } },
        result: { data: { changeUserRole: { ...anna, role: 'EVENT_STAFF' } } },
      },
    ]);
    const annas = await rowOf('Anna Berg');
    expect(within(await rowOf('Admin Adminsson')).queryByRole('button', { name: /^Byt roll/ })).toBeNull();
    await u.click(within(annas).getByRole('button', { name: 'Byt roll för Anna Berg' }));
    const dialog = await screen.findByRole('dialog', { name: 'Byt roll för Anna Berg' });
    await u.click(within(dialog).getByRole('button', { name: /Ny roll/ }));
    await u.click(await screen.findByRole('option', { name: 'Evenemangspersonal' }));
    await u.click(within(dialog).getByRole('button', { name: 'Byt roll' }));
    expect(await screen.findByText('Anna Berg har nu rollen Evenemangspersonal.')).toBeInTheDocument();
    expect(within(annas).getByText('Evenemangspersonal')).toBeInTheDocument();
  });
});

describe('a new API token', () => {
  it('warns that the old one stops working, then shows the new one once', async () => {
    const u = userEvent.setup();
    renderPage([
      usersMock([me, anna], Infinity),
      {
        request: { query: IssueTokenMutation, variables: { userId: anna.id } },
        result: { data: { issueToken: { __typename: 'CreatedUser', token: 'crm_t0ken', user: anna } } },
      },
    ]);
    const annas = await rowOf('Anna Berg');
    await u.click(within(annas).getByRole('button', { name: 'Ny API-nyckel för Anna Berg' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny API-nyckel för Anna Berg?' });
    expect(within(dialog).getByText(/Den gamla nyckeln slutar fungera direkt/)).toBeInTheDocument();
    await u.click(within(dialog).getByRole('button', { name: 'Ja, skapa ny nyckel' }));

    const field = await screen.findByRole('textbox', { name: 'API-nyckel' });
    expect(field).toHaveValue('crm_t0ken');
    expect(field).toHaveAttribute('readonly');
    expect(screen.getByText(/visas bara nu och kan inte visas igen/)).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: 'Kopiera nyckel' }));
    expect(await navigator.clipboard.readText()).toBe('crm_t0ken');

    await u.click(screen.getByRole('button', { name: 'Klar' }));
    expect(screen.queryByDisplayValue('crm_t0ken')).not.toBeInTheDocument();
  });
});
