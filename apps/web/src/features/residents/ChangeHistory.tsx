import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { HistoryTable } from '../../components/HistoryTable.tsx';
import { useAuditLabels } from '../audit/labels.ts';

/** The resident's record changes from the audit log. */
export function ChangeHistory({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const labels = useAuditLabels();
  const timeline = useQuery(trpc.residents.timeline.queryOptions({ id: residentId }));
  return (
    <HistoryTable
      title={t('resident.changes.title')}
      emptyText={t('resident.changes.empty')}
      query={timeline}
      actionLabel={labels.action}
      fieldLabel={(field) => labels.field('resident', field)}
      valueText={labels.value}
    />
  );
}
