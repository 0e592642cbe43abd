import { render, screen } from '@testing-library/react';
import { Badge, sheetsOf } from './BadgesPage';
import { qrPath } from './QrCode';

describe('name badge', () => {
  it('renders a QR svg for the check-in code, with the code as its text alternative and beside it', () => {
    const { container } = render(
      <Badge
        eventTitle="Vinterkonferens"
        participant={{
          id: 'p1',
          status: 'REGISTERED',
          checkInCode: 'VB-7K3M-9QXD-2HTR',
          actor: { id: 'a1', name: 'Anna Andersson', organisation: { id: 'o1', name: 'Umeå kommun' } },
        }}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Anna Andersson' })).toBeInTheDocument();
    expect(screen.getByText('Umeå kommun')).toBeInTheDocument();
    const qr = screen.getByRole('img', { name: 'QR-kod för incheckning: VB-7K3M-9QXD-2HTR' });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    // Version 1 (21 × 21 modules) plus a quiet zone of 4 on each side; drawn as one path, no image URL.
    expect(qr).toHaveAttribute('viewBox', '0 0 29 29');
    const path = qr.querySelector('path')?.getAttribute('d') ?? '';
    expect(path).toBe(qrPath('VB-7K3M-9QXD-2HTR').path);
    // The three finder patterns' corners are dark.
    expect(path).toContain('M4 4h1v1h-1z');
    expect(path).toContain('M22 4h1v1h-1z');
    expect(path).toContain('M4 22h1v1h-1z');
    expect(container.querySelector('img, image, [href^="data:"]')).toBeNull();
    expect(screen.getByText('VB-7K3M-9QXD-2HTR')).toBeInTheDocument();
    // Where the wearer reads how their personal data is handled.
    expect(screen.getByText(`Personuppgifter: ${window.location.origin}/integritet`)).toBeInTheDocument();
  });

  it('puts eight badges on a sheet', () => {
    const sheets = sheetsOf(Array.from({ length: 17 }, (_, i) => i));
    expect(sheets.map((s) => s.length)).toEqual([8, 8, 1]);
  });
});
