import { upgradeOriginAllowed } from './ws-origin';

describe('the WebSocket upgrade origin check', () => {
  const cors = ['https://door.region.example'];

  it('lets the API’s own origin and CORS_ORIGINS in', () => {
    expect(
      upgradeOriginAllowed({ host: 'crm.region.example', origin: 'https://crm.region.example' }, cors, false),
    ).toBe(true);
    expect(upgradeOriginAllowed({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }, [], false)).toBe(
      true,
    );
    expect(
      upgradeOriginAllowed({ host: 'api.internal', origin: 'https://door.region.example' }, cors, false),
    ).toBe(true);
    expect(
      upgradeOriginAllowed({ host: 'CRM.region.example', origin: 'https://crm.REGION.example' }, [], false),
    ).toBe(true);
  });

  it('lets a client without Origin in (not a browser)', () => {
    expect(upgradeOriginAllowed({ host: 'crm.region.example' }, [], false)).toBe(true);
  });

  it('refuses another site, null and nonsense', () => {
    for (const origin of [
      'https://evil.example',
      'null',
      'not a url',
      'https://crm.region.example.evil.example',
      'file:///x',
    ]) {
      expect(upgradeOriginAllowed({ host: 'crm.region.example', origin }, cors, false)).toBe(false);
    }
    // Another port is another origin.
    expect(
      upgradeOriginAllowed(
        { host: 'crm.region.example', origin: 'https://crm.region.example:8443' },
        [],
        false,
      ),
    ).toBe(false);
  });

  it('believes X-Forwarded-Host only behind a trusted proxy', () => {
    const headers = {
      host: 'api:3000',
      origin: 'https://crm.region.example',
      'x-forwarded-host': 'crm.region.example',
    };
    expect(upgradeOriginAllowed(headers, [], true)).toBe(true);
    expect(upgradeOriginAllowed(headers, [], false)).toBe(false);
  });
});
