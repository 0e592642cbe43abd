// Whether the door has a connection: the browser's own idea (navigator.onLine, often optimistic) and
// the door's experience (a request that failed for want of an answer). A successful request, or the
// browser's 'online' event, makes it believe again.
export type OnlineListener = (online: boolean) => void;

export class OnlineTracker {
  private failed = false;
  private readonly listeners = new Set<OnlineListener>();
  private readonly update = () => this.emit();

  constructor(private readonly target: Window = window) {
    target.addEventListener('online', this.onOnline);
    target.addEventListener('offline', this.update);
  }

  get online(): boolean {
    return this.target.navigator.onLine && !this.failed;
  }

  /** A request got no answer. */
  networkFailed(): void {
    if (this.failed) return;
    this.failed = true;
    this.emit();
  }

  /** A request got an answer. */
  reached(): void {
    if (!this.failed) return;
    this.failed = false;
    this.emit();
  }

  subscribe(listener: OnlineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.target.removeEventListener('online', this.onOnline);
    this.target.removeEventListener('offline', this.update);
    this.listeners.clear();
  }

  private readonly onOnline = () => {
    this.failed = false;
    this.emit();
  };

  private emit(): void {
    const online = this.online;
    for (const listener of this.listeners) listener(online);
  }
}
