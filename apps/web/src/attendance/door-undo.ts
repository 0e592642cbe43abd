// The undo window: after a tap, "Ångra" is offered for ten seconds, then it is gone.
export const UNDO_WINDOW_MS = 10_000;

/** Open undo windows by participation id; tells the listener when the set changes. */
export class UndoWindows {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly onChange: (open: ReadonlySet<string>) => void,
    private readonly windowMs = UNDO_WINDOW_MS,
  ) {}

  open(id: string): void {
    const existing = this.timers.get(id);
    if (existing) clearTimeout(existing);
    this.timers.set(
      id,
      setTimeout(() => this.close(id), this.windowMs),
    );
    this.emit();
  }

  close(id: string): void {
    const timer = this.timers.get(id);
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(id);
    this.emit();
  }

  isOpen(id: string): boolean {
    return this.timers.has(id);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private emit(): void {
    this.onChange(new Set(this.timers.keys()));
  }
}
