import { Role } from '@crm/domain';
import { TestApi } from '../support/api';
import { Factory } from '../support/factories';

/**
 * Saved filters for the "whom to invite next" page: each user saves named filters (a JSON object as
 * text, at most 8 KB) and sees, replaces and deletes only their own; the committee has none.
 */
describe('saved filters', () => {
  let api: TestApi;
  let make: Factory;
  let staff: string;
  let strategist: string;

  beforeAll(async () => {
    api = await TestApi.start();
    make = new Factory(api);
    staff = await make.user(Role.EVENT_STAFF);
    strategist = await make.user(Role.STRATEGIST);
  });
  afterAll(() => api.close());

  const SAVE = `mutation($input: SaveFilterInput!) { saveFilter(input: $input) { id page name filter createdAt } }`;
  const LIST = `query($page: SavedFilterPage!) { savedFilters(page: $page) { id name filter } }`;
  const DELETE = `mutation($id: ID!) { deleteSavedFilter(id: $id) }`;

  const save = async (token: string, name: string, filter: unknown) =>
    (await api.ok(SAVE, { input: { page: 'NEXT_INVITES', name, filter: JSON.stringify(filter) } }, token))
      .saveFilter;
  const list = async (token: string) => (await api.ok(LIST, { page: 'NEXT_INVITES' }, token)).savedFilters;
  const refusal = async (query: string, variables: Record<string, unknown>, token: string) => {
    const result = await api.gql(query, variables, token);
    return result.errors?.[0]?.extensions;
  };

  it('save', async () => {
    const saved = await save(staff, 'Kommunerna i norr', { municipalities: ['2480', '2482'], minStep: 2 });
    expect(saved).toEqual({
      id: expect.any(String),
      page: 'NEXT_INVITES',
      name: 'Kommunerna i norr',
      filter: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(JSON.parse(saved.filter)).toEqual({ municipalities: ['2480', '2482'], minStep: 2 });
  });

  it('list own only', async () => {
    await save(staff, 'Bara min', { a: 1 });
    await save(strategist, 'Strategens', { b: 2 });
    const mine = (await list(staff)).map((f: { name: string }) => f.name);
    expect(mine).toContain('Bara min');
    expect(mine).not.toContain('Strategens');
    expect((await list(strategist)).map((f: { name: string }) => f.name)).toEqual(['Strategens']);
  });

  it('upsert by name', async () => {
    const first = await save(staff, 'Ersätts', { version: 1 });
    const second = await save(staff, 'Ersätts', { version: 2 });
    expect(second.id).toBe(first.id);
    const rows = (await list(staff)).filter((f: { name: string }) => f.name === 'Ersätts');
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].filter)).toEqual({ version: 2 });
    // The same name is another user's own filter.
    const theirs = await save(strategist, 'Ersätts', { version: 3 });
    expect(theirs.id).not.toBe(first.id);
  });

  it('delete own', async () => {
    const saved = await save(staff, 'Tas bort', { x: true });
    expect((await api.ok(DELETE, { id: saved.id }, staff)).deleteSavedFilter).toBe(true);
    expect((await list(staff)).map((f: { id: string }) => f.id)).not.toContain(saved.id);
    // Twice: now unknown.
    expect(await refusal(DELETE, { id: saved.id }, staff)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
  });

  it("refuse another's", async () => {
    const theirs = await save(strategist, 'Inte din', { y: 1 });
    const unknown = await refusal(DELETE, { id: '00000000-0000-4000-8000-000000000000' }, staff);
    const another = await refusal(DELETE, { id: theirs.id }, staff);
    expect(another).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(another).toEqual(unknown); // answered as if unknown
    expect((await list(strategist)).map((f: { id: string }) => f.id)).toContain(theirs.id);
    // The admin cannot delete it either.
    expect(await refusal(DELETE, { id: theirs.id }, api.adminToken)).toMatchObject({ field: 'id' });
  });

  it('refuse committee', async () => {
    const committee = await make.user(Role.COMMITTEE);
    expect(await refusal(LIST, { page: 'NEXT_INVITES' }, committee)).toMatchObject({ code: 'FORBIDDEN' });
    const input = { page: 'NEXT_INVITES', name: 'Kommittén', filter: '{}' };
    expect(await refusal(SAVE, { input }, committee)).toMatchObject({ code: 'FORBIDDEN' });
    const saved = await save(staff, 'Kommittén får inte', {});
    expect(await refusal(DELETE, { id: saved.id }, committee)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuse a non-object / too large filter naming the field', async () => {
    const saveRaw = (filter: string, name = 'Felaktigt') =>
      refusal(SAVE, { input: { page: 'NEXT_INVITES', name, filter } }, staff);
    for (const filter of ['[1, 2]', '"text"', '42', 'null', 'true', '{not json', '']) {
      expect(await saveRaw(filter)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
    }
    const large = JSON.stringify({ names: 'x'.repeat(9000) });
    expect(await saveRaw(large)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
    // Within 8 KB as text, but not as the jsonb the table measures.
    const justUnder = JSON.stringify({ names: 'x'.repeat(8180) });
    expect(Buffer.byteLength(justUnder)).toBeLessThanOrEqual(8192);
    expect(await saveRaw(justUnder)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
    expect(await saveRaw('{}', 'x'.repeat(101))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await list(staff)).map((f: { name: string }) => f.name)).not.toContain('Felaktigt');
  });
});
