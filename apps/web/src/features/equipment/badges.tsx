import type { Item } from '@ansinh/schemas/equipment';
import { Badge, Group } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { today } from '../../lib/format.ts';
import type { Condition, ItemStatus } from './types.ts';

/** Mirrors the API's "due" window (DUE_SOON_DAYS): the dashboard and the list filter use the same days. */
export const DUE_SOON_DAYS = 30;

const conditionColors: Record<Condition, string> = {
  good: 'green',
  fair: 'teal',
  poor: 'orange',
  broken: 'red',
};
const statusColors: Record<ItemStatus, string> = {
  in_use: 'blue',
  in_storage: 'gray',
  under_repair: 'orange',
  disposed: 'dark',
};

export function ConditionBadge({ condition }: { condition: Condition }) {
  const { t } = useTranslation();
  return (
    <Badge color={conditionColors[condition]} variant="light">
      {t(`equipment.conditions.${condition}`)}
    </Badge>
  );
}

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light">
      {t(`equipment.statuses.${status}`)}
    </Badge>
  );
}

/** Where the item's next maintenance stands today: overdue, due within the window, or neither. */
export function maintenanceState(nextMaintenanceOn: string | null): 'overdue' | 'due' | null {
  if (!nextMaintenanceOn) return null;
  const now = today();
  if (nextMaintenanceOn < now) return 'overdue';
  return nextMaintenanceOn <= dayjs(now).add(DUE_SOON_DAYS, 'day').format('YYYY-MM-DD') ? 'due' : null;
}

/** What needs attention: fully depreciated, maintenance overdue or due soon. */
export function ItemFlags({ item }: { item: Pick<Item, 'pastUsefulLife' | 'nextMaintenanceOn' | 'status'> }) {
  const { t } = useTranslation();
  if (item.status === 'disposed') return null;
  const maintenance = maintenanceState(item.nextMaintenanceOn);
  if (!item.pastUsefulLife && !maintenance) return null;
  return (
    <Group gap={4}>
      {item.pastUsefulLife && (
        <Badge color="grape" variant="light" size="sm">
          {t('equipment.flags.pastUsefulLife')}
        </Badge>
      )}
      {maintenance === 'overdue' && (
        <Badge color="red" variant="filled" size="sm">
          {t('equipment.flags.overdue')}
        </Badge>
      )}
      {maintenance === 'due' && (
        <Badge color="yellow" variant="light" size="sm">
          {t('equipment.flags.due')}
        </Badge>
      )}
    </Group>
  );
}
