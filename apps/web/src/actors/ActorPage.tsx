import { useQuery } from '@apollo/client/react';
import { useLocation, useParams } from 'react-router';
import { PERSONAL_DATA_ROLES, RequireRole } from '../auth/RequireSession';
import { formatDateTime, t } from '../i18n/i18n';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { genderLabel, kindLabel, legalBasisLabel, sectorLabel } from './labels';
import { ActorQuery } from './operations';
import './actors.css';

/** `/actors/:id`: a read-only summary for now (the full actor page comes with a later issue). */
export function ActorPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const arrived = (location.state as { message?: string } | null)?.message ?? null;
  const { data, loading, error } = useQuery(ActorQuery, { variables: { id } });

  if (loading && !data) return <LoadingMessage>{t('app.loading')}</LoadingMessage>;
  if (error && !data) return <ErrorMessage>{t('app.error.generic')}</ErrorMessage>;
  const actor = data?.actor;
  if (!actor) return <ErrorMessage>{t('actors.notFound')}</ErrorMessage>;

  const rows: [string, string | null | undefined][] = [
    [t('actors.field.kind'), kindLabel(actor.kind)],
    [t('actors.field.email'), actor.email],
    [t('actors.field.title'), actor.title],
    [t('actors.field.organisationNumber'), actor.organisationNumber],
    [t('actors.field.sector'), sectorLabel(actor.sector)],
    [t('actors.field.municipality'), actor.municipality?.name],
    [t('actors.field.country'), actor.country],
    [t('actors.field.gender'), actor.gender ? genderLabel(actor.gender) : null],
    [t('actors.field.legalBasis'), legalBasisLabel(actor.legalBasis)],
    [t('actors.field.createdAt'), formatDateTime(actor.createdAt)],
    [t('actors.field.updatedAt'), formatDateTime(actor.updatedAt)],
  ];

  return (
    <>
      <PageTitle>{actor.name}</PageTitle>
      {arrived ? <StatusMessage className="alert alert--success">{arrived}</StatusMessage> : null}
      <ul className="actor-tools">
        <li>
          <Link href={`/actors/${actor.id}/edit`} className="button button--primary">
            {t('actors.edit')}
          </Link>
        </li>
        <li>
          <Link href="/actors" className="button button--secondary">
            {t('actors.back')}
          </Link>
        </li>
      </ul>
      <dl className="actor-facts">
        {actor.organisation ? (
          <div className="actor-facts__row">
            <dt>{t('actors.field.organisation')}</dt>
            <dd>
              <Link href={`/actors/${actor.organisation.id}`}>{actor.organisation.name}</Link>
            </dd>
          </div>
        ) : null}
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="actor-facts__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <p className="hint">{t('actors.pageLater')}</p>
    </>
  );
}

export function Component() {
  return (
    <RequireRole roles={PERSONAL_DATA_ROLES}>
      <ActorPage />
    </RequireRole>
  );
}
