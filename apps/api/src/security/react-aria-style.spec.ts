import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REACT_ARIA_PRESS_STYLE_HASH } from './http-hardening';

describe("the CSP's allowance for React Aria's press style", () => {
  it('is the hash of the style text the installed react-aria writes (an upgrade that changes it fails here)', () => {
    // (the package's exports map hides its files, so read it where npm puts it)
    const file = path.resolve(
      __dirname,
      '../../../../node_modules/react-aria/dist/private/interactions/usePress.mjs',
    );
    const source = readFileSync(file, 'utf8');
    const attribute = /PRESSABLE_ATTRIBUTE = '([^']+)'/.exec(source)?.[1];
    const template = /style\.textContent = `([\s\S]*?)`\.trim\(\)/.exec(source)?.[1];
    expect(attribute).toBe('data-react-aria-pressable');
    expect(template).toBeDefined();
    const text = template!.replace(/\$\{[^}]*PRESSABLE_ATTRIBUTE\}/, attribute!).trim();
    expect(text).toContain('touch-action');
    const hash = createHash('sha256').update(text, 'utf8').digest('base64');
    expect(REACT_ARIA_PRESS_STYLE_HASH).toBe(`'sha256-${hash}'`);
  });
});
