import { loadConfig } from './config';

describe('loadConfig', () => {
  const strong = 'x'.repeat(32);

  it('refuses an ADMIN_TOKEN shorter than 32 characters, saying how to generate one', () => {
    const short = 'a'.repeat(24); // the length that was accepted before
    expect(() => loadConfig({ ADMIN_TOKEN: short })).toThrow(
      'Invalid configuration: ADMIN_TOKEN: ADMIN_TOKEN must be at least 32 characters: generate one with `openssl rand -base64 32`',
    );
    expect(() => loadConfig({ ADMIN_TOKEN: 'a'.repeat(31) })).toThrow('openssl rand -base64 32');
  });

  it('accepts an ADMIN_TOKEN of 32 characters or more, and none at all', () => {
    expect(loadConfig({ ADMIN_TOKEN: strong }).ADMIN_TOKEN).toBe(strong);
    // What `openssl rand -base64 32` prints: 44 characters.
    expect(
      loadConfig({ ADMIN_TOKEN: 'q3Jm9xkP0m1fL2yTz8cV4bN6hR5sW7eA1dG3uI9oK0E=' }).ADMIN_TOKEN,
    ).toHaveLength(44);
    expect(loadConfig({}).ADMIN_TOKEN).toBeUndefined();
  });

  it('has rate-limit budgets sized for a busy door by default, each set by its own variable', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      RATE_LIMIT_WINDOW_MS: 60_000,
      RATE_LIMIT_AUTH_FAILURES: 20,
      RATE_LIMIT_UPLOADS: 30,
      RATE_LIMIT_REPORT_ORDERS: 10,
    });
    // 200 check-ins a second, all on one shared token, for a whole window, with headroom for bursts;
    // each check-in follows a few searches as the name is typed.
    const doorPerWindow = 200 * (config.RATE_LIMIT_WINDOW_MS / 1_000);
    expect(config.RATE_LIMIT_WRITES).toBeGreaterThanOrEqual(2 * doorPerWindow);
    expect(config.RATE_LIMIT_READS).toBeGreaterThanOrEqual(5 * doorPerWindow);
    expect(loadConfig({ RATE_LIMIT_READS: '7', RATE_LIMIT_WRITES: '8' })).toMatchObject({
      RATE_LIMIT_READS: 7,
      RATE_LIMIT_WRITES: 8,
    });
    expect(() => loadConfig({ RATE_LIMIT_AUTH_FAILURES: '0' })).toThrow('RATE_LIMIT_AUTH_FAILURES');
  });

  it('single sign-on is off unless OIDC_ISSUER is set, and then needs its client and PUBLIC_URL', () => {
    expect(loadConfig({ OIDC_ISSUER: '', PUBLIC_URL: '' })).toMatchObject({
      OIDC_ISSUER: undefined,
      PUBLIC_URL: undefined,
    });
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.org' })).toThrow(
      'OIDC_CLIENT_ID: is required with OIDC_ISSUER; OIDC_CLIENT_SECRET: is required with OIDC_ISSUER; PUBLIC_URL: is required with OIDC_ISSUER',
    );
    expect(
      loadConfig({
        OIDC_ISSUER: 'https://login.example.org/',
        OIDC_CLIENT_ID: 'crm',
        OIDC_CLIENT_SECRET: 's3cret',
        PUBLIC_URL: 'https://crm.example.org/',
      }),
    ).toMatchObject({ OIDC_ISSUER: 'https://login.example.org/', PUBLIC_URL: 'https://crm.example.org' });
    expect(() => loadConfig({ PUBLIC_URL: 'not a url' })).toThrow('PUBLIC_URL');
  });

  it('writes no erasure-ledger file unless ERASURE_LEDGER_EXPORT_DIR names an absolute folder', () => {
    expect(loadConfig({}).ERASURE_LEDGER_EXPORT_DIR).toBeUndefined();
    expect(loadConfig({ ERASURE_LEDGER_EXPORT_DIR: '  ' }).ERASURE_LEDGER_EXPORT_DIR).toBeUndefined();
    expect(loadConfig({ ERASURE_LEDGER_EXPORT_DIR: ' /mnt/backup/ledger ' }).ERASURE_LEDGER_EXPORT_DIR).toBe(
      '/mnt/backup/ledger',
    );
    expect(() => loadConfig({ ERASURE_LEDGER_EXPORT_DIR: 'ledger' })).toThrow(
      'ERASURE_LEDGER_EXPORT_DIR: must be an absolute path',
    );
  });
});
