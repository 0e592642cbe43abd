// A polite live region that is always in the page, so a message put into it is announced: a region
// mounted already filled often is not, and the same text set twice is not announced again.
import { useCallback, useState } from 'react';

export interface Announcement {
  text: string;
  /** Changes on every announce(), also for the same text, so it is announced again. */
  serial: number;
}

/** The message shown and announced, and how to set or clear it. */
export function useAnnouncement(): [Announcement | null, (text: string | null) => void] {
  const [message, setMessage] = useState<Announcement | null>(null);
  const announce = useCallback((text: string | null) => {
    setMessage((previous) => (text === null ? null : { text, serial: (previous?.serial ?? 0) + 1 }));
  }, []);
  return [message, announce];
}

/**
 * The region itself: empty and unseen until there is news, then shown as a success message. The same
 * text announced twice differs by a trailing no-break space, so screen readers read it again.
 */
export function LiveStatus({ message, className }: { message: Announcement | null; className?: string }) {
  const visible = className ?? 'status alert alert--success';
  return (
    <p role="status" className={message ? visible : 'visually-hidden'}>
      {message ? `${message.text}${message.serial % 2 === 0 ? '\u00a0' : ''}` : ''}
    </p>
  );
}
