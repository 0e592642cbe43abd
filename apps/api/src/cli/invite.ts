import { InvitationRepository, loadConfig, UserRepository, createDataSource } from '@crm/persistence';
import { invitationPath } from '../auth/invitations/invitation.service';
import { generateToken, hashToken } from '../auth/token';

/**
 * `npm run invite -- <email>` (after `npm run build`): prints a new invitation URL for the user with
 * this email (their earlier unused invitations stop working), for a first password or a reset.
 * `--first-admin`: the same for the first ADMIN, only while that user has no password (prints nothing
 * otherwise); it waits up to 30 s for the API to create that user. The URL uses PUBLIC_URL when set,
 * else http://localhost:<PORT>. Nothing but the URL is printed on stdout.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const argument = process.argv[2]?.trim();
  if (!argument) throw new Error('Usage: npm run invite -- <email>   (or --first-admin)');
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: 1,
    applicationName: 'crm-invite',
  });
  await dataSource.initialize();
  try {
    const users = new UserRepository(dataSource.manager);
    let userId: string | null = null;
    if (argument === '--first-admin') {
      for (let waited = 0; waited <= 30_000; waited += 500) {
        const admin = await users.firstAdmin();
        if (admin) {
          userId = admin.hasPassword ? null : admin.user.id;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      if (!userId) return;
    } else {
      const user = await users.findActiveByEmail(argument.normalize('NFC').toLowerCase());
      if (!user) throw new Error('No enabled user has this email');
      userId = user.id;
    }
    const secret = generateToken();
    await dataSource.transaction((em) => new InvitationRepository(em).create(userId, hashToken(secret)));
    const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    process.stdout.write(`${base}${invitationPath(secret)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[invite] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
