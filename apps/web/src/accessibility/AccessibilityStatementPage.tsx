import { formatDate, t } from '../i18n/i18n';
import { PageTitle } from '../ui/PageTitle';

/** Where problems are reported; set VITE_ACCESSIBILITY_CONTACT at build time for the Region's own address. */
const CONTACT = import.meta.env.VITE_ACCESSIBILITY_CONTACT ?? 'tillganglighet@regionvasterbotten.se';
/** When the statement was last reviewed. */
const REVIEWED = '2026-12-03';

/** `/tillganglighet`: the accessibility statement Swedish law requires alongside WCAG. */
export function AccessibilityStatementPage() {
  return (
    <article className="prose">
      <PageTitle>{t('accessibility.title')}</PageTitle>
      <p>{t('accessibility.intro')}</p>
      <h2>{t('accessibility.status.heading')}</h2>
      <p>{t('accessibility.status.text')}</p>
      <h2>{t('accessibility.gaps.heading')}</h2>
      <ul>
        <li>{t('accessibility.gaps.camera')}</li>
        <li>{t('accessibility.gaps.browsers')}</li>
        <li>{t('accessibility.gaps.print')}</li>
      </ul>
      <h2>{t('accessibility.report.heading')}</h2>
      <p>{t('accessibility.report.text')}</p>
      <p>
        <a href={`mailto:${CONTACT}?subject=${encodeURIComponent('Tillgänglighet i Engagemangstrappan')}`}>
          {t('accessibility.report.link', { address: CONTACT })}
        </a>
      </p>
      <h2>{t('accessibility.supervision.heading')}</h2>
      <p>{t('accessibility.supervision.text')}</p>
      <p>
        <a href="https://www.digg.se/tdosanmalan">{t('accessibility.supervision.link')}</a>
      </p>
      <h2>{t('accessibility.testing.heading')}</h2>
      <p>{t('accessibility.testing.text', { date: formatDate(REVIEWED) })}</p>
    </article>
  );
}
