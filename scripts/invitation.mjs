// The invitation URL `npm start` prints for the first ADMIN while that user has no password: it runs
// the built CLI (apps/api/src/cli/invite.ts, the same as `npm run invite`) once the API is starting.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './services.mjs';

/** Resolves to the URL, or null (the admin has a password, or the CLI failed: reported, never fatal). */
export function firstAdminInvitation(env) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        '-r',
        './scripts/register-paths.cjs',
        path.join('dist', 'apps', 'api', 'src', 'cli', 'invite.js'),
        '--first-admin',
      ],
      { cwd: repoRoot, env, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) {
          console.log(`[start] no invitation for the first admin: ${stderr.trim() || error.message}`);
          resolve(null);
          return;
        }
        resolve(stdout.trim() || null);
      },
    );
  });
}
