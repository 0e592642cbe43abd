import { parseCookies, serializeCookie } from './cookies';

describe('cookie parsing', () => {
  it('reads name=value pairs separated by semicolons, with or without spaces', () => {
    expect(parseCookies('a=1; b=2;c=3')).toEqual(
      new Map([
        ['a', '1'],
        ['b', '2'],
        ['c', '3'],
      ]),
    );
  });

  it('answers nothing for a missing or empty header', () => {
    expect(parseCookies(undefined).size).toBe(0);
    expect(parseCookies('').size).toBe(0);
    expect(parseCookies(' ; ;').size).toBe(0);
  });

  it('keeps the first of two cookies with the same name', () => {
    expect(parseCookies('crm_session=first; crm_session=second').get('crm_session')).toBe('first');
  });

  it('keeps = inside values and splits only at the first one', () => {
    expect(parseCookies('state=a.b=c==').get('state')).toBe('a.b=c==');
  });

  it('drops the quotes around a quoted value and decodes percent-encoding when it is valid', () => {
    expect(parseCookies('a="quoted"; b=%C3%A5sa; c=100%').get('a')).toBe('quoted');
    expect(parseCookies('b=%C3%A5sa').get('b')).toBe('åsa');
    expect(parseCookies('c=100%; d=%E0%A4%A').get('c')).toBe('100%');
    expect(parseCookies('d=%E0%A4%A').get('d')).toBe('%E0%A4%A');
  });

  it('skips pairs without = and names that are not tokens', () => {
    expect(parseCookies('flag; bad name=1; ok=2; =3; a(b)=4')).toEqual(new Map([['ok', '2']]));
  });

  it('reads several Cookie headers as one', () => {
    expect(parseCookies(['a=1', 'b=2'])).toEqual(
      new Map([
        ['a', '1'],
        ['b', '2'],
      ]),
    );
  });

  it('does not treat an empty value as missing', () => {
    expect(parseCookies('crm_session=').get('crm_session')).toBe('');
  });
});

describe('Set-Cookie values', () => {
  const options = { path: '/', maxAge: 3600, httpOnly: true, sameSite: 'Lax' as const, secure: false };

  it('writes the attributes the browser needs', () => {
    expect(serializeCookie('crm_session', 'abc_DEF-123', options)).toBe(
      'crm_session=abc_DEF-123; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax',
    );
    expect(serializeCookie('crm_session', 'x', { ...options, secure: true })).toMatch(/; Secure$/);
  });

  it('removes a cookie with Max-Age=0 and an expiry in the past', () => {
    expect(serializeCookie('crm_session', '', { ...options, maxAge: 0 })).toBe(
      'crm_session=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax',
    );
  });

  it('refuses values and names that would need encoding, and odd paths', () => {
    expect(() => serializeCookie('crm_session', 'a;b', options)).toThrow();
    expect(() => serializeCookie('bad name', 'x', options)).toThrow();
    expect(() => serializeCookie('a', 'x', { ...options, path: '/a;b' })).toThrow();
  });

  it('round-trips through the parser', () => {
    const header = serializeCookie('crm_oidc', 'eyJz.c2ln', options).split(';')[0];
    expect(parseCookies(header).get('crm_oidc')).toBe('eyJz.c2ln');
  });
});
