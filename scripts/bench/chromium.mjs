// What the bench's steps in Chromium share: Debian's Chromium with the browser suite's flags, a user
// with a password made through the invitation route (as test/browser does), and the statistics.
import { chromium } from 'playwright-core';

export const percentile = (values, p) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
export const round = (x, digits = 1) => (x === null || x === undefined ? null : Number(x.toFixed(digits)));
export const stats = (values) => ({
  n: values.length,
  p50: round(percentile(values, 50)),
  p95: round(percentile(values, 95)),
  max: values.length ? round(Math.max(...values)) : null,
});
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A user of `role` with `password`, through the invitation route; answers { email, password }. */
export async function createUserWithPassword({ baseUrl, gql, role, name, emailPrefix, password }) {
  const email = `${emailPrefix}-${Date.now().toString(36)}@example.org`;
  const { createUser } = await gql(
    `mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } invitationUrl } }`,
    { input: { name, email, role } },
  );
  const secret = createUser.invitationUrl.split('/invitation/')[1];
  const response = await fetch(`${baseUrl}/auth/invitation/${secret}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ password }),
  });
  if (!response.ok) throw new Error(`invitation refused: ${response.status} ${await response.text()}`);
  return { email, password };
}

// The browser suite's flags, but not its --user-data-dir: playwright-core 1.65 refuses that flag in
// launch() and gives each launch a fresh temporary profile of its own anyway.
export async function launchChromium() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { browser, close: () => browser.close().catch(() => {}) };
}
