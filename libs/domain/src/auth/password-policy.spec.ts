import { COMMON_PASSWORDS } from './common-passwords';
import { MAX_PASSWORD_LENGTH, passwordWeakness } from './password-policy';

describe('password policy', () => {
  const email = 'anna.andersson@example.se';

  it('accepts a long, uncommon password', () => {
    expect(passwordWeakness('korrekt häst batteri häftklammer', { email })).toBeNull();
    expect(passwordWeakness('x'.repeat(11) + 'ÿ', { email })).toBeNull();
  });

  it('refuses fewer than 12 characters, counting characters rather than UTF-16 units', () => {
    expect(passwordWeakness('kort-lösen1', { email })).toBe('Lösenordet måste ha minst 12 tecken.');
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(passwordWeakness('🙂'.repeat(11), { email })).toBe('Lösenordet måste ha minst 12 tecken.');
    expect(passwordWeakness('', { email })).toMatch(/minst 12 tecken/);
  });

  it('refuses more than 256 characters (the sign-in route reads at most 1 KB)', () => {
    expect(passwordWeakness('å'.repeat(MAX_PASSWORD_LENGTH), { email })).toBeNull();
    expect(passwordWeakness('å'.repeat(MAX_PASSWORD_LENGTH + 1), { email })).toBe(
      'Lösenordet får ha högst 256 tecken.',
    );
    expect(Buffer.byteLength('😀'.repeat(MAX_PASSWORD_LENGTH))).toBeLessThanOrEqual(1024);
  });

  it.each(['password1234', 'Lösenord2025', 'QWERTYUIOP123', '1qaz2wsx3edc', 'Välkommen2025', '123456789012'])(
    'refuses the common password %s, whatever its case',
    (password) => {
      expect(passwordWeakness(password, { email })).toMatch(/för vanligt/);
    },
  );

  it('refuses the person’s own email address, whatever its case', () => {
    expect(passwordWeakness('Anna.Andersson@Example.se', { email })).toBe(
      'Lösenordet får inte vara din e-postadress.',
    );
    expect(passwordWeakness('anna.andersson@example.se', { email: null })).toBeNull();
  });

  it('ships about a thousand common passwords, hundreds of them long enough to pass the length rule', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(1000);
    expect(COMMON_PASSWORDS.filter((p) => [...p].length >= 12).length).toBeGreaterThan(500);
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
  });
});
