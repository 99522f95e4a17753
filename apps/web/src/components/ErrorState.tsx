import { errorCodeOf } from '../lib/errors.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { StatusPage } from './StatusPage.tsx';

/** What a page shows when its main query failed: a refusal gets the forbidden page, the rest an alert. */
export function ErrorState({ error }: { error: unknown }) {
  const code = errorCodeOf(error);
  if (code === 'FORBIDDEN') return <StatusPage kind="forbidden" />;
  // A page's query input comes from its address, so invalid input (/facilities/abc) means a wrong address.
  if (code === 'BAD_REQUEST') return <StatusPage kind="notFound" />;
  return <ErrorAlert error={error} />;
}
