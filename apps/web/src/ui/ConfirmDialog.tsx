import type { ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
  /** The confirming button's text ("Avboka", "Slå ihop"). */
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  isPending?: boolean;
  /** A destructive action gets the danger style. */
  danger?: boolean;
}

/** A question before an action that cannot easily be undone: cancel (focused first) or confirm. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, isOpen, onOpenChange, children, confirmLabel, cancelLabel, onConfirm } = props;
  return (
    <Dialog title={title} isOpen={isOpen} onOpenChange={onOpenChange}>
      {children}
      <div className="actions">
        <Button variant="secondary" slot="close" autoFocus>
          {cancelLabel}
        </Button>
        <Button variant={props.danger ? 'danger' : 'primary'} onPress={onConfirm} isPending={props.isPending}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
