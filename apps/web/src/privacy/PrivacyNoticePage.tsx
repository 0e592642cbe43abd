import { useEffect, useState } from 'react';
import { t } from '../i18n/i18n';
import { ErrorMessage, LoadingMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { fetchPrivacyNotice, type PrivacyNotice } from './privacy-notice';

type State = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; notice: PrivacyNotice };

/** `/integritet`: the privacy notice, public; its texts come from the API's configuration. */
export function PrivacyNoticePage() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    void fetchPrivacyNotice(controller.signal).then((notice) => {
      if (!controller.signal.aborted) setState(notice ? { kind: 'ready', notice } : { kind: 'failed' });
    });
    return () => controller.abort();
  }, []);

  return (
    <article className="prose">
      <PageTitle>{t('privacy.title')}</PageTitle>
      <p>{t('privacy.intro')}</p>
      {state.kind === 'loading' ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
      {state.kind === 'failed' ? <ErrorMessage>{t('privacy.error')}</ErrorMessage> : null}
      {state.kind === 'ready' ? (
        <>
          <h2>{t('privacy.controller.heading')}</h2>
          <p>{state.notice.controller}</p>
          <h2>{t('privacy.purpose.heading')}</h2>
          <p>{state.notice.purpose}</p>
          <h2>{t('privacy.legalBasis.heading')}</h2>
          <p>{state.notice.legalBasis}</p>
          <h2>{t('privacy.retention.heading')}</h2>
          <p>{state.notice.retention}</p>
          <h2>{t('privacy.rights.heading')}</h2>
          <p>{state.notice.rights}</p>
          <h2>{t('privacy.contact.heading')}</h2>
          <p>{t('privacy.contact.text')}</p>
          <p>
            <a href={`mailto:${state.notice.contactEmail}`}>
              {t('privacy.contact.link', { address: state.notice.contactEmail })}
            </a>
          </p>
        </>
      ) : null}
    </article>
  );
}
