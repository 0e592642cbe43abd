import { t } from '../i18n/i18n';
import { TextField } from '../ui/TextField';

export interface NewPasswordErrors {
  password?: string;
  repeat?: string;
}

/** What the form can tell before asking the server (which also refuses common passwords). */
export function checkNewPassword(password: string, repeat: string): NewPasswordErrors | null {
  if (password.length < 12) return { password: t('auth.invitation.tooShort') };
  if (password !== repeat) return { repeat: t('auth.invitation.mismatch') };
  return null;
}

/** A new password and its repetition, with the rules, for the invitation and the account page. */
export function NewPasswordFields(props: {
  labels: { password: string; repeat: string };
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  errors: NewPasswordErrors;
}) {
  return (
    <>
      <TextField
        label={props.labels.password}
        type="password"
        autoComplete="new-password"
        description={t('auth.invitation.rules')}
        value={props.password}
        onChange={props.onPassword}
        errorMessage={props.errors.password}
        isRequired
      />
      <TextField
        label={props.labels.repeat}
        type="password"
        autoComplete="new-password"
        value={props.repeat}
        onChange={props.onRepeat}
        errorMessage={props.errors.repeat}
        isRequired
      />
    </>
  );
}
