import { UNDO_WINDOW_MS, UndoWindows } from './door-undo';

describe('the undo window', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('offers undo for ten seconds after a tap', () => {
    const changes: string[][] = [];
    const windows = new UndoWindows((open) => changes.push([...open]));
    windows.open('p1');
    vi.advanceTimersByTime(UNDO_WINDOW_MS - 1);
    expect(windows.isOpen('p1')).toBe(true);
    vi.advanceTimersByTime(1);
    expect(windows.isOpen('p1')).toBe(false);
    expect(changes).toEqual([['p1'], []]);
  });

  it('closes at once when undone, and a new tap starts a new ten seconds', () => {
    const windows = new UndoWindows(() => undefined);
    windows.open('p1');
    windows.close('p1');
    expect(windows.isOpen('p1')).toBe(false);
    windows.open('p2');
    vi.advanceTimersByTime(6_000);
    windows.open('p2');
    vi.advanceTimersByTime(6_000);
    expect(windows.isOpen('p2')).toBe(true);
    vi.advanceTimersByTime(4_000);
    expect(windows.isOpen('p2')).toBe(false);
  });
});
