import { useParams } from 'react-router';
import { RequireRole, STAFF_ROLES } from '../auth/RequireSession';
import { formatDate, t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { EventBadgesQuery, type BadgeParticipant, type EventBadgesData } from './badges-query';
import { QrCode } from './QrCode';
import { useAllParticipants } from './useAllParticipants';
import './badges.css';

export const BADGES_PER_SHEET = 8;

export function sheetsOf<T>(items: readonly T[], size = BADGES_PER_SHEET): T[][] {
  const sheets: T[][] = [];
  for (let i = 0; i < items.length; i += size) sheets.push(items.slice(i, i + size));
  return sheets;
}

/**
 * One name badge: name, organisation, the check-in QR code and the code in text beside it, and where
 * the wearer reads how their personal data is handled (the privacy notice).
 */
export function Badge({ participant, eventTitle }: { participant: BadgeParticipant; eventTitle: string }) {
  const code = participant.checkInCode;
  return (
    <article className="badge">
      <p className="badge__event">{eventTitle}</p>
      <h2 className="badge__name">{participant.actor.name}</h2>
      {participant.actor.organisation ? (
        <p className="badge__organisation">{participant.actor.organisation.name}</p>
      ) : null}
      <div className="badge__code">
        <QrCode className="badge__qr" value={code} label={t('participations.badges.qr', { code })} />
        <p className="badge__code-text">
          <span className="visually-hidden">{t('participations.badges.codeLabel')} </span>
          {code}
        </p>
      </div>
      <p className="badge__privacy">
        {t('participations.badges.privacy', { url: `${window.location.origin}/integritet` })}
      </p>
    </article>
  );
}

/** `/events/:id/badges`: A4 sheets of 2 × 4 badges to print, cancelled participants left out. */
export function BadgesPage() {
  const { id = '' } = useParams();
  const { data, loading, error, complete } = useAllParticipants<EventBadgesData, BadgeParticipant>(
    EventBadgesQuery,
    id,
  );

  if ((loading && !data) || (data?.event && !complete))
    return <LoadingMessage>{t('app.loading')}</LoadingMessage>;
  if (error && !data) return <ErrorMessage>{t('app.error.generic')}</ErrorMessage>;
  const event = data?.event;
  if (!event) return <ErrorMessage>{t('participations.notFound')}</ErrorMessage>;

  const participants = event.participants.edges.map((e) => e.node).filter((p) => p.status !== 'CANCELLED');
  const sheets = sheetsOf(participants);

  return (
    <>
      <div className="no-print">
        <PageTitle>{`${t('participations.badges.title')}: ${event.title}`}</PageTitle>
        <p>{formatDate(event.startsAt)}</p>
        {participants.length === 0 ? (
          <p>{t('participations.badges.none')}</p>
        ) : (
          <>
            <p>{t('participations.badges.intro', { count: participants.length, sheets: sheets.length })}</p>
            <div className="actions">
              <Button onPress={() => window.print()}>{t('participations.badges.print')}</Button>
              <Link href={`/events/${event.id}`} className="button button--secondary">
                {t('participations.backToEvent')}
              </Link>
            </div>
          </>
        )}
      </div>
      <div className="badge-sheets">
        {sheets.map((sheet, index) => (
          <section
            key={index}
            className="badge-sheet"
            aria-label={t('participations.badges.sheet', { number: index + 1, total: sheets.length })}
          >
            {sheet.map((participant) => (
              <Badge key={participant.id} participant={participant} eventTitle={event.title} />
            ))}
          </section>
        ))}
      </div>
    </>
  );
}

export function Component() {
  return (
    <RequireRole roles={STAFF_ROLES}>
      <BadgesPage />
    </RequireRole>
  );
}
