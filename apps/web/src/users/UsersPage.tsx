import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { errorCode, fieldErrors } from '../app/apollo';
import { ADMIN_ROLES, RequireRole } from '../auth/RequireSession';
import { useUser } from '../auth/session';
import type { AdminUserFragment, Role } from '../gql/graphql';
import { formatDateTime, t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import {
  ChangeUserRoleMutation,
  CreateUserMutation,
  DisableUserMutation,
  EnableUserMutation,
  InviteUserMutation,
  IssueTokenMutation,
  UsersQuery,
} from './operations';
import './users.css';

export const ROLES: readonly Role[] = ['ADMIN', 'STRATEGIST', 'EVENT_STAFF', 'COMMITTEE'];
export const roleLabel = (role: Role): string => t(`app.role.${role}`);

/** A secret shown once: an invitation link or an API token. */
interface Secret {
  kind: 'invitation' | 'token';
  name: string;
  value: string;
  stillDisabled?: boolean;
}

/** The API's invitation path (`/invitation/<secret>`) as a link the person can open. */
export function invitationLink(path: string): string {
  return new URL(path, window.location.origin).toString();
}

/** `/admin/users`: ADMIN only. */
export function UsersPage() {
  return (
    <RequireRole roles={ADMIN_ROLES}>
      <SignedInUsers />
    </RequireRole>
  );
}

function SignedInUsers() {
  const me = useUser();
  return <UsersView currentUserId={me.id} />;
}

export function UsersView({ currentUserId }: { currentUserId: string }) {
  const { data, loading, error } = useQuery(UsersQuery);
  const [secret, setSecret] = useState<Secret | null>(null);
  const [news, setNews] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [disabling, setDisabling] = useState<AdminUserFragment | null>(null);
  const [reissuing, setReissuing] = useState<AdminUserFragment | null>(null);
  const [changingRole, setChangingRole] = useState<AdminUserFragment | null>(null);
  const [newRole, setNewRole] = useState<Role | null>(null);
  const [changeRole, changeRoleState] = useMutation(ChangeUserRoleMutation);
  const [invite] = useMutation(InviteUserMutation);
  const [disable, disableState] = useMutation(DisableUserMutation);
  const [enable] = useMutation(EnableUserMutation);
  const [issueToken, tokenState] = useMutation(IssueTokenMutation);

  const fail = (e: unknown) => {
    setNews(null);
    setFailure(errorCode(e) === null ? t('app.error.network') : t('users.actionFailed'));
  };
  const succeed = (message: string) => {
    setFailure(null);
    setNews(message);
  };

  const sendInvitation = async (user: AdminUserFragment) => {
    try {
      const result = await invite({ variables: { userId: user.id } });
      const path = result.data?.inviteUser;
      if (path) {
        setSecret({ kind: 'invitation', name: user.name, value: invitationLink(path) });
        succeed(t('users.invited', { name: user.name }));
      }
    } catch (e) {
      fail(e);
    }
  };

  const confirmDisable = async () => {
    const user = disabling;
    if (!user) return;
    try {
      await disable({ variables: { id: user.id } });
      succeed(t('users.disabled', { name: user.name }));
    } catch (e) {
      if (fieldErrors(e).id) {
        setNews(null);
        setFailure(t('users.cannotDisableSelf'));
      } else fail(e);
    }
    setDisabling(null);
  };

  const doEnable = async (user: AdminUserFragment) => {
    try {
      await enable({ variables: { id: user.id } });
      succeed(t('users.enabled', { name: user.name }));
    } catch (e) {
      fail(e);
    }
  };

  const confirmRole = async () => {
    const user = changingRole;
    if (!user || !newRole) return;
    try {
      await changeRole({ variables: { id: user.id, role: newRole } });
      succeed(t('users.roleChanged', { name: user.name, role: roleLabel(newRole) }));
    } catch (e) {
      fail(e);
    }
    setChangingRole(null);
  };

  const confirmToken = async () => {
    const user = reissuing;
    if (!user) return;
    try {
      const result = await issueToken({ variables: { userId: user.id } });
      const issued = result.data?.issueToken;
      if (issued) {
        setFailure(null);
        setNews(null);
        setSecret({
          kind: 'token',
          name: user.name,
          value: issued.token,
          stillDisabled: Boolean(issued.user.disabledAt),
        });
      }
    } catch (e) {
      fail(e);
    }
    setReissuing(null);
  };

  const users = data?.users ?? [];

  return (
    <div className="users-page">
      <PageTitle>{t('users.title')}</PageTitle>
      <p>{t('users.intro')}</p>
      {news ? <StatusMessage className="alert alert--success">{news}</StatusMessage> : null}
      {failure ? <ErrorMessage>{failure}</ErrorMessage> : null}
      {secret ? <SecretPanel secret={secret} onDone={() => setSecret(null)} /> : null}

      <NewUserForm
        onCreated={(name, link) => {
          succeed(t('users.created', { name }));
          setSecret({ kind: 'invitation', name, value: link });
        }}
      />

      <section aria-labelledby="users-list-heading">
        <h2 id="users-list-heading">{t('users.table.caption')}</h2>
        {loading && !data ? (
          <LoadingMessage>{t('app.loading')}</LoadingMessage>
        ) : error && !data ? (
          <ErrorMessage>{t('app.error.generic')}</ErrorMessage>
        ) : users.length === 0 ? (
          <p>{t('users.none')}</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="users-list-heading">
            <table className="users-table">
              <caption className="visually-hidden">{t('users.table.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.col.nameEmail')}</th>
                  <th scope="col">{t('users.col.role')}</th>
                  <th scope="col">{t('users.col.status')}</th>
                  <th scope="col">{t('users.col.lastSignedIn')}</th>
                  <th scope="col">{t('users.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => {
                  const self = user.id === currentUserId;
                  return (
                    <tr key={user.id}>
                      <th scope="row" className="users-table__name">
                        {user.name} {self ? <span className="users-table__you">{t('users.you')}</span> : null}
                        <span className="users-table__email">{user.email}</span>
                      </th>
                      <td>{roleLabel(user.role)}</td>
                      <td>
                        <span
                          className={user.disabledAt ? 'user-status user-status--disabled' : 'user-status'}
                        >
                          {user.disabledAt ? t('users.status.disabled') : t('users.status.active')}
                        </span>
                      </td>
                      <td>{user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : t('users.never')}</td>
                      <td>
                        <div className="users-table__actions">
                          <Button
                            variant="secondary"
                            aria-label={t('users.inviteFor', { name: user.name })}
                            onPress={() => void sendInvitation(user)}
                          >
                            {t('users.invite')}
                          </Button>
                          {self ? null : (
                            <Button
                              variant="secondary"
                              aria-label={t('users.changeRoleFor', { name: user.name })}
                              onPress={() => {
                                setNewRole(user.role);
                                setChangingRole(user);
                              }}
                            >
                              {t('users.changeRole')}
                            </Button>
                          )}
                          {self ? (
                            <span className="hint">{t('users.selfNote')}</span>
                          ) : user.disabledAt ? (
                            <Button
                              variant="secondary"
                              aria-label={t('users.enableFor', { name: user.name })}
                              onPress={() => void doEnable(user)}
                            >
                              {t('users.enable')}
                            </Button>
                          ) : (
                            <Button
                              variant="secondary"
                              aria-label={t('users.disableFor', { name: user.name })}
                              onPress={() => setDisabling(user)}
                            >
                              {t('users.disable')}
                            </Button>
                          )}
                          <Button
                            variant="secondary"
                            aria-label={t('users.tokenFor', { name: user.name })}
                            onPress={() => setReissuing(user)}
                          >
                            {t('users.token')}
                          </Button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <ConfirmDialog
        title={t('users.disableTitle', { name: disabling?.name ?? '' })}
        isOpen={disabling !== null}
        onOpenChange={(open) => !open && setDisabling(null)}
        confirmLabel={t('users.disableConfirm')}
        cancelLabel={t('app.cancel')}
        onConfirm={() => void confirmDisable()}
        isPending={disableState.loading}
        danger
      >
        <p>{t('users.disableText', { name: disabling?.name ?? '' })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        title={t('users.changeRoleTitle', { name: changingRole?.name ?? '' })}
        isOpen={changingRole !== null}
        onOpenChange={(open) => !open && setChangingRole(null)}
        confirmLabel={t('users.changeRoleConfirm')}
        cancelLabel={t('app.cancel')}
        onConfirm={() => void confirmRole()}
        isPending={changeRoleState.loading}
      >
        <p>{t('users.changeRoleText', { name: changingRole?.name ?? '' })}</p>
        <Select
          label={t('users.newRole')}
          options={ROLES.map((r) => ({ id: r, label: roleLabel(r) }))}
          value={newRole}
          onChange={(value) => value && setNewRole(value as Role)}
        />
      </ConfirmDialog>
      <ConfirmDialog
        title={t('users.tokenTitle', { name: reissuing?.name ?? '' })}
        isOpen={reissuing !== null}
        onOpenChange={(open) => !open && setReissuing(null)}
        confirmLabel={t('users.tokenConfirm')}
        cancelLabel={t('app.cancel')}
        onConfirm={() => void confirmToken()}
        isPending={tokenState.loading}
        danger
      >
        <p>{t('users.tokenText')}</p>
      </ConfirmDialog>
    </div>
  );
}

/** The invitation link or the token, shown once in a read-only field with a copy button. */
function SecretPanel({ secret, onDone }: { secret: Secret; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    heading.current?.focus();
    setCopied(null);
  }, [secret]);
  const isToken = secret.kind === 'token';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret.value);
      setCopied(isToken ? t('users.tokenCopied') : t('users.copied'));
    } catch {
      field.current?.querySelector('input')?.select();
      setCopied(t('users.copyFailed'));
    }
  };

  return (
    <section
      className={`alert ${isToken ? 'alert--warning' : 'alert--info'} users-secret`}
      aria-labelledby="users-secret-heading"
    >
      <h2 id="users-secret-heading" ref={heading} tabIndex={-1}>
        {isToken
          ? t('users.tokenHeading', { name: secret.name })
          : t('users.link.heading', { name: secret.name })}
      </h2>
      <p>{isToken ? t('users.tokenWarning') : t('users.link.explain', { name: secret.name })}</p>
      {isToken && secret.stillDisabled ? <p>{t('users.tokenDisabledNote')}</p> : null}
      <div ref={field} className="users-secret__field">
        <TextField
          label={isToken ? t('users.tokenLabel') : t('users.link.label')}
          value={secret.value}
          isReadOnly
          onFocus={(e) => (e.target as HTMLInputElement).select()}
        />
      </div>
      <div className="actions">
        <Button onPress={() => void copy()}>{isToken ? t('users.copyToken') : t('users.copy')}</Button>
        <Button variant="secondary" onPress={onDone}>
          {t('users.done')}
        </Button>
      </div>
      <p role="status" className="users-secret__copied">
        {copied}
      </p>
    </section>
  );
}

type Field = 'name' | 'email' | 'role';
type Errors = Partial<Record<Field | 'form', string>>;

function userReason(field: string, reason: string): string {
  if (/already has a user/.test(reason)) return t('users.reason.emailTaken');
  if (/must not be empty|is required/.test(reason)) return t('users.reason.empty');
  if (/at most \d+ characters/.test(reason)) return t('users.reason.tooLong');
  if (field === 'email') return t('users.reason.email');
  return t('users.reason.other');
}

function NewUserForm({ onCreated }: { onCreated: (name: string, link: string) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [create, state] = useMutation(CreateUserMutation, { refetchQueries: [UsersQuery] });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!name.trim()) found.name = t('users.new.required', { field: t('users.field.name').toLowerCase() });
    if (!email.trim()) found.email = t('users.new.required', { field: t('users.field.email').toLowerCase() });
    if (!role) found.role = t('users.new.required', { field: t('users.field.role').toLowerCase() });
    if (Object.keys(found).length > 0 || !role)
      return setErrors({ ...found, form: t('users.new.errorSummary') });
    setErrors({});
    try {
      const result = await create({ variables: { input: { name: name.trim(), email: email.trim(), role } } });
      const created = result.data?.createUser;
      if (created) {
        onCreated(created.user.name, created.invitationUrl ? invitationLink(created.invitationUrl) : '');
        setName('');
        setEmail('');
        setRole(null);
      }
    } catch (error) {
      if (errorCode(error) === 'BAD_USER_INPUT') {
        const placed: Errors = { form: t('users.new.errorSummary') };
        for (const [field, reason] of Object.entries(fieldErrors(error))) {
          const message = userReason(field, reason);
          if (field === 'name' || field === 'email' || field === 'role') placed[field] = message;
          else placed.form = message;
        }
        setErrors(placed);
      } else if (errorCode(error) === null) setErrors({ form: t('app.error.network') });
      else setErrors({ form: t('app.error.generic') });
    }
  };

  return (
    <section aria-labelledby="users-new-heading" className="users-new">
      <h2 id="users-new-heading">{t('users.new.heading')}</h2>
      {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
      <Form onSubmit={(e) => void submit(e)} className="form users-new__form" validationBehavior="aria">
        <TextField
          label={t('users.field.name')}
          name="name"
          value={name}
          onChange={(v) => {
            setName(v);
            setErrors((x) => ({ ...x, name: undefined }));
          }}
          errorMessage={errors.name}
          isRequired
          autoComplete="off"
        />
        <TextField
          label={t('users.field.email')}
          name="email"
          type="email"
          value={email}
          onChange={(v) => {
            setEmail(v);
            setErrors((x) => ({ ...x, email: undefined }));
          }}
          errorMessage={errors.email}
          isRequired
          autoComplete="off"
        />
        <Select
          label={t('users.field.role')}
          options={ROLES.map((r) => ({ id: r, label: roleLabel(r) }))}
          value={role}
          onChange={(v) => {
            setRole(v as Role | null);
            setErrors((x) => ({ ...x, role: undefined }));
          }}
          errorMessage={errors.role}
          placeholder={t('users.field.rolePlaceholder')}
          isRequired
          name="role"
        />
        <div className="actions">
          <Button type="submit" isPending={state.loading}>
            {t('users.new.submit')}
          </Button>
        </div>
      </Form>
    </section>
  );
}

export const Component = UsersPage;
