import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { schemaSdl } from '../../apps/api/src/schema/print-schema';
import { TestApi } from '../support/api';

/** A stand-in for `vite build`'s output: what matters here is how the API serves it. */
function fakeBuild(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'crm-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
  writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  return dir;
}

describe('The web app on the API origin', () => {
  let api: TestApi;
  let build: string;
  beforeAll(async () => {
    build = fakeBuild();
    api = await TestApi.start({ webApp: build });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(build, { recursive: true, force: true });
  });

  it('serves index.html at / and at app routes, revalidated, under the strict CSP', async () => {
    for (const route of [
      '/',
      '/events/123/door',
      '/duplicates',
      '/invitation/abc',
      '/tillganglighet',
      '/integritet',
    ]) {
      const response = await fetch(`${api.baseUrl}${route}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('serves hashed assets as immutable for a year, and a missing asset as 404, not as the app', async () => {
    const asset = await fetch(`${api.baseUrl}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${api.baseUrl}/assets/index-gone.js`, { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<div id="root">');
  });

  it('revalidates the service worker so a new version reaches the devices', async () => {
    const sw = await fetch(`${api.baseUrl}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
  });

  it("never answers the API's own paths with the app", async () => {
    const graphql = await fetch(`${api.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphql.text()).not.toContain('<div id="root">');
    const health = await fetch(`${api.baseUrl}/health`, { headers: { accept: 'text/html' } });
    const notice = await fetch(`${api.baseUrl}/privacy-notice`, { headers: { accept: 'text/html' } });
    expect(notice.headers.get('content-type')).toContain('application/json');
    expect(health.headers.get('content-type')).toContain('application/json');
    const report = await fetch(`${api.baseUrl}/reports/nothing.pdf`, { headers: { accept: 'text/html' } });
    expect([401, 404]).toContain(report.status);
    expect(await report.text()).not.toContain('<div id="root">');
  });

  it("does not count the app's files against the anonymous budget of a shared venue address", async () => {
    const answers = await Promise.all(
      Array.from({ length: 400 }, () => fetch(`${api.baseUrl}/assets/index-abc123.js`).then((r) => r.status)),
    );
    expect(answers.every((status) => status === 200)).toBe(true);
  });
});

describe('The committed schema', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(async () => api?.close());

  it('is what the API serves (run `npm run schema` and commit when this fails)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../../apps/api/schema.graphql'), 'utf8');
    expect(committed).toBe(schemaSdl(api.app));
  });
});
