import { render, screen } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { PrivacyNoticePage } from './PrivacyNoticePage';

const NOTICE = {
  controller: 'Region Västerbotten',
  purpose: 'Vi registrerar deltagare för att planera mötesplatser.',
  legalBasis: 'Allmänt intresse; samtycke där det anges.',
  retention: 'Gallras efter 36 månader utan aktivitet.',
  rights: 'Du har rätt till ett registerutdrag.',
  contactEmail: 'dpo@example.se',
};

const answer = (status: number, body: unknown) =>
  vi
    .spyOn(globalThis, 'fetch')
    .mockResolvedValue(
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    );

afterEach(() => vi.restoreAllMocks());

describe('privacy notice', () => {
  it('shows the configured texts under their headings, with the contact as an e-mail link', async () => {
    const fetch = answer(200, NOTICE);
    render(<PrivacyNoticePage />);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Så hanterar vi personuppgifter' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Personuppgiftsansvarig' }),
    ).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(
      '/privacy-notice',
      expect.objectContaining({ credentials: 'same-origin' }),
    );
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Personuppgiftsansvarig',
      'Varför vi behandlar uppgifterna',
      'Rättslig grund',
      'Hur länge vi sparar uppgifterna',
      'Dina rättigheter',
      'Kontakt',
    ]);
    for (const text of [
      NOTICE.controller,
      NOTICE.purpose,
      NOTICE.legalBasis,
      NOTICE.retention,
      NOTICE.rights,
    ]) {
      expect(screen.getByText(text)).toBeInTheDocument();
    }
    expect(screen.getByRole('link', { name: 'Skriv till dpo@example.se' })).toHaveAttribute(
      'href',
      'mailto:dpo@example.se',
    );
  });

  it('says the text could not be fetched when the API does not answer a notice', async () => {
    answer(500, {});
    render(<PrivacyNoticePage />);
    expect(
      await screen.findByText('Texten kunde inte hämtas just nu. Försök igen om en stund.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();
  });
});
