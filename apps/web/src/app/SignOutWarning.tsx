import { t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';

/** Asked before signing out when the door still holds check-ins the server has not received. */
export function SignOutWarning(props: { pending: number; onCancel: () => void; onConfirm: () => void }) {
  return (
    <Dialog
      title={t('auth.signOut.pendingTitle')}
      isOpen
      onOpenChange={(open) => {
        if (!open) props.onCancel();
      }}
    >
      <p>{t('auth.signOut.pendingText', { count: props.pending })}</p>
      <div className="actions">
        <Button variant="secondary" slot="close">
          {t('app.cancel')}
        </Button>
        <Button variant="danger" onPress={props.onConfirm}>
          {t('auth.signOut.confirm')}
        </Button>
      </div>
    </Dialog>
  );
}
