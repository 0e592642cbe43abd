import { uploadRegistrationList } from './upload';

describe('registration list upload', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts the file as multipart with the session cookie and the CSRF header, and answers the import id', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: 'imp-1' }), { status: 202 }));
    vi.stubGlobal('fetch', fetchMock);
    const file = new File(['namn;e-post\nAnna;anna@example.se\n'], 'lista.csv', { type: 'text/csv' });

    expect(await uploadRegistrationList('e1', file)).toEqual({ ok: true, id: 'imp-1' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/events/e1/registrations/import');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toEqual({ 'apollo-require-preflight': 'true' });
    expect((init.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it.each([
    [413, null, 'Filen är för stor. En lista får vara högst 20 MB.'],
    [415, null, 'Filen är varken CSV eller Excel (.xlsx). Spara listan som CSV eller .xlsx och försök igen.'],
    [400, null, 'Filen är varken CSV eller Excel (.xlsx). Spara listan som CSV eller .xlsx och försök igen.'],
    [429, '600', 'Du har laddat upp många filer på kort tid. Vänta 10 minuter och försök igen.'],
  ])('says in Swedish why an answer %i refused the file', async (status, retryAfter, message) => {
    const headers = retryAfter ? { 'retry-after': retryAfter } : undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status, headers })),
    );
    const file = new File(['x'], 'lista.csv', { type: 'text/csv' });
    expect(await uploadRegistrationList('e1', file)).toEqual({ ok: false, message });
  });
});
