import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { Navigate, useParams } from 'react-router';
import { t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { authApi } from './auth-api';
import { checkNewPassword, NewPasswordFields } from './NewPasswordFields';
import { useSession } from './session';

/** `/invitation/:secret`: a new user (or one who forgot the password) chooses a password. */
export function InvitationPage() {
  const { secret = '' } = useParams();
  const { signedIn } = useSession();
  const [invitee, setInvitee] = useState<{ email: string; name: string } | 'invalid' | null>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    void authApi.invitation(secret).then((result) => setInvitee(result.ok ? result.value : 'invalid'));
  }, [secret]);

  if (done) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = checkNewPassword(password, repeat);
    if (invalid) return setErrors(invalid);
    setBusy(true);
    const result = await authApi.acceptInvitation(secret, password);
    setBusy(false);
    if (result.ok) {
      signedIn(result.value.user);
      setDone(true);
      return;
    }
    const failure = result.failure;
    if (failure.kind === 'weakPassword') setErrors({ password: failure.message });
    else if (failure.kind === 'invitationInvalid') setInvitee('invalid');
    else setErrors({ form: failure.kind === 'network' ? t('app.error.network') : t('app.error.generic') });
  };

  return (
    <div className="narrow-page">
      <PageTitle>{t('auth.invitation.title')}</PageTitle>
      {invitee === null ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
      {invitee === 'invalid' ? (
        <>
          <ErrorMessage>{t('auth.invitation.invalid')}</ErrorMessage>
          <Link href="/sign-in">{t('auth.invitation.toSignIn')}</Link>
        </>
      ) : null}
      {invitee && invitee !== 'invalid' ? (
        <>
          <p>{t('auth.invitation.intro', { name: invitee.name, email: invitee.email })}</p>
          {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
          <Form onSubmit={(e) => void submit(e)} className="form">
            {/* For password managers: which account the new password belongs to. */}
            <input
              type="email"
              name="username"
              autoComplete="username"
              value={invitee.email}
              readOnly
              hidden
            />
            <NewPasswordFields
              labels={{ password: t('auth.invitation.password'), repeat: t('auth.invitation.repeat') }}
              password={password}
              repeat={repeat}
              onPassword={setPassword}
              onRepeat={setRepeat}
              errors={errors}
            />
            <Button type="submit" large isPending={busy}>
              {t('auth.invitation.submit')}
            </Button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
