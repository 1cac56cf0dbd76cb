import { Result, Button } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n';

/** 403: the user's abilities do not include this page. */
export function ForbiddenPage() {
  const { t } = useT();
  return (
    <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbidden')} data-testid="page-403"
      extra={<Link to="/"><Button type="primary">{t('error.backHome')}</Button></Link>} />
  );
}

/** 404: no such page (or a record that does not exist or is not visible). */
export function NotFoundPage({ message }: { message?: string }) {
  const { t } = useT();
  return (
    <Result status="404" title={t('error.notFoundTitle')} subTitle={message ?? t('error.notFound')} data-testid="page-404"
      extra={<Link to="/"><Button type="primary">{t('error.backHome')}</Button></Link>} />
  );
}
