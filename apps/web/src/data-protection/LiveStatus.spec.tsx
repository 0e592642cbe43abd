import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LiveStatus, useAnnouncement } from './LiveStatus';

function Saver() {
  const [message, announce] = useAnnouncement();
  return (
    <>
      <LiveStatus message={message} />
      <button onClick={() => announce('Sparat.')}>Spara</button>
      <button onClick={() => announce(null)}>Rensa</button>
    </>
  );
}

describe('the always-present status region', () => {
  it('is in the page empty before any news, and its text changes when the same news comes again', async () => {
    const user = userEvent.setup();
    render(<Saver />);
    const region = screen.getByRole('status');
    expect(region).toBeEmptyDOMElement();

    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toHaveTextContent('Sparat.');
    const first = region.textContent;
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(region).toHaveTextContent('Sparat.');
    expect(region.textContent).not.toBe(first);

    await user.click(screen.getByRole('button', { name: 'Rensa' }));
    expect(screen.getByRole('status')).toBe(region);
    expect(region).toBeEmptyDOMElement();
  });
});
