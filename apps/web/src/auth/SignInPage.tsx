import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { ErrorMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { TextField } from '../ui/TextField';
import { authApi, type AuthFailure } from './auth-api';
import { useSession } from './session';

function failureText(failure: AuthFailure): string {
  switch (failure.kind) {
    case 'invalid':
      return t('auth.signIn.invalid');
    case 'locked':
      return t('auth.signIn.locked', { minutes: Math.max(1, Math.ceil(failure.retryAfterSeconds / 60)) });
    case 'rateLimited':
      return t('app.error.rateLimited');
    case 'network':
      return t('app.error.network');
    default:
      return t('app.error.generic');
  }
}

/** `/sign-in`: email and password, or the Region's single sign-on when it is configured. */
export function SignInPage() {
  const { state, signedIn } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const returnTo = (location.state as { from?: string } | null)?.from ?? params.get('returnTo') ?? '/';
  const safeReturn = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(() => {
    const code = params.get('error');
    if (code === 'sso') return t('auth.signIn.ssoFailed');
    if (code === 'sso-unknown') return t('auth.signIn.ssoUnknown');
    return null;
  });
  const [busy, setBusy] = useState(false);
  const [sso, setSso] = useState(false);

  useEffect(() => {
    void authApi.options().then((result) => setSso(result.ok && result.value.sso));
  }, []);

  if (state.status === 'signedIn' && !state.offline) return <Navigate to={safeReturn} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(t('auth.signIn.missing'));
      return;
    }
    setBusy(true);
    const result = await authApi.signIn(email.trim(), password);
    setBusy(false);
    if (result.ok) signedIn(result.value.user);
    else {
      setPassword('');
      setError(failureText(result.failure));
    }
  };

  return (
    <div className="narrow-page">
      <PageTitle>{t('auth.signIn.title')}</PageTitle>
      <p>{t('auth.signIn.intro')}</p>
      {state.status === 'signedOut' && state.reason === 'expired' ? (
        <p className="alert alert--info">{t('auth.signIn.expired')}</p>
      ) : null}
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      {sso ? (
        <>
          <a className="button button--primary button--large" href={authApi.ssoStartUrl(safeReturn)}>
            {t('auth.signIn.sso')}
          </a>
          <p className="divider">{t('auth.signIn.or')}</p>
        </>
      ) : null}
      <Form onSubmit={(e) => void submit(e)} className="form">
        <TextField
          label={t('auth.signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          isRequired
        />
        <TextField
          label={t('auth.signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          isRequired
        />
        <Button type="submit" large isPending={busy}>
          {busy ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
        </Button>
      </Form>
      <p className="hint">{t('auth.signIn.forgot')}</p>
    </div>
  );
}
