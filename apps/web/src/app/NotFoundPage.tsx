import { t } from '../i18n/i18n';
import { Link } from '../ui/Link';
import { PageTitle } from '../ui/PageTitle';

export function NotFoundPage() {
  return (
    <>
      <PageTitle>{t('app.notFound.title')}</PageTitle>
      <p>{t('app.notFound.text')}</p>
      <Link href="/">{t('app.notFound.home')}</Link>
    </>
  );
}
