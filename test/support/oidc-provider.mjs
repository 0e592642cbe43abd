// A local OpenID Connect provider for test/e2e/single-sign-on.spec.ts (oidc-provider is ESM-only, so
// it runs in its own process). Configuration comes from the environment:
//   OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI — the one client, the CRM;
// and it prints `{"issuer":"http://127.0.0.1:<port>"}` on stdout once it listens on a free port.
// Logging in is automatic: the test follows the redirect to /interaction/<uid> and adds `?account=`
// (or, in a browser, sets the cookie `test_account` on the provider's origin):
// the account id is the email claim; an id starting with `unverified:` gives email_verified=false.
import Provider from 'oidc-provider';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    const unverified = id.startsWith('unverified:');
    const email = unverified ? id.slice('unverified:'.length) : id;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email, email_verified: !unverified, name: 'Test Person' };
      },
    };
  },
});

// The interaction: log the account in and grant what the client asked for, without a page.
provider.use(async (ctx, next) => {
  const match = /^\/interaction\/([^/?]+)$/.exec(ctx.path);
  if (!match || ctx.method !== 'GET') return next();
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  // The account: from the query (the HTTP test adds it) or a `test_account` cookie (the browser test
  // sets it, since a browser follows the redirect here by itself).
  const accountId =
    details.session?.accountId ?? String(ctx.query.account ?? ctx.cookies.get('test_account') ?? '');
  let result;
  if (details.prompt.name === 'login') {
    result = { login: { accountId } };
  } else {
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
    grant.addOIDCScope(String(details.params.scope));
    result = { consent: { grantId: await grant.save() } };
  }
  await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
});

server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
