import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { fieldErrors } from '../app/apollo';
import { graphql } from '../gql';
import { t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { ErrorMessage, StatusMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { TextField } from '../ui/TextField';
import { checkNewPassword, NewPasswordFields } from './NewPasswordFields';
import { useUser } from './session';

const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

type Errors = { currentPassword?: string; newPassword?: string; repeat?: string; form?: string };

/** `/account`: who is signed in, with which role, and a new password (other sessions end). */
export function AccountPage() {
  const user = useUser();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState(false);
  const [change, { loading }] = useMutation(ChangePassword);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const invalid = checkNewPassword(next, repeat);
    if (invalid) return setErrors({ newPassword: invalid.password, repeat: invalid.repeat });
    try {
      await change({ variables: { input: { currentPassword: current, newPassword: next } } });
      setErrors({});
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (error) {
      const fields = fieldErrors(error);
      if (fields.currentPassword) setErrors({ currentPassword: t('auth.password.wrongCurrent') });
      // The API's reason for a weak password is already Swedish (the password policy's own words).
      else if (fields.newPassword) setErrors({ newPassword: fields.newPassword });
      else setErrors({ form: t('app.error.generic') });
    }
  };

  return (
    <div className="narrow-page">
      <PageTitle>{t('auth.account.title')}</PageTitle>
      <dl className="facts">
        <dt>{t('auth.account.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('auth.account.role')}</dt>
        <dd>{t(`app.role.${user.role}`)}</dd>
      </dl>
      <h2>{t('auth.password.title')}</h2>
      <p className="hint">{t('auth.password.otherSessions')}</p>
      {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
      {done ? (
        <StatusMessage className="alert alert--success">{t('auth.password.changed')}</StatusMessage>
      ) : null}
      <Form onSubmit={(e) => void submit(e)} className="form">
        <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <TextField
          label={t('auth.password.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          errorMessage={errors.currentPassword}
          isRequired
        />
        <NewPasswordFields
          labels={{ password: t('auth.password.new'), repeat: t('auth.password.repeat') }}
          password={next}
          repeat={repeat}
          onPassword={setNext}
          onRepeat={setRepeat}
          errors={{ password: errors.newPassword, repeat: errors.repeat }}
        />
        <Button type="submit" isPending={loading}>
          {t('auth.password.submit')}
        </Button>
      </Form>
    </div>
  );
}
