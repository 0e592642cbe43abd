import type { ReactNode } from 'react';

/** A polite live region: news that does not interrupt (saved, synced, counts). */
export function StatusMessage({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <p role="status" className={['status', className ?? ''].filter(Boolean).join(' ')}>
      {children}
    </p>
  );
}

/** An error the user must act on, announced at once. */
export function ErrorMessage({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="alert alert--error">
      {children}
    </div>
  );
}

export function LoadingMessage({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="status status--loading">
      {children}
    </p>
  );
}
