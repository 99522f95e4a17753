import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { HistoryTable } from '../../components/HistoryTable.tsx';
import { translateIfKnown } from '../../i18n/index.ts';
import { useEquipmentValues, visibleChanges } from './value-format.ts';

/** The item's field-level history from the audit log. */
export function ItemHistory({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const history = useQuery(trpc.equipment.items.history.queryOptions({ id: itemId }));
  const { field, value } = useEquipmentValues();
  const entries = history.data?.map((entry) => ({ ...entry, changes: visibleChanges(entry.changes) }));
  return (
    <HistoryTable
      title={t('equipment.history.title')}
      emptyText={t('equipment.history.empty')}
      query={{ ...history, data: entries }}
      actionLabel={(code) =>
        translateIfKnown(`equipment.history.actions.${code.split('.').slice(1).join('_')}`) ?? code
      }
      fieldLabel={field}
      valueText={value}
    />
  );
}
