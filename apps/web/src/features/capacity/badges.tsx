import type { CareLevel } from '@ansinh/schemas/capacity';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BedState } from './bed-codes.ts';

const stateColors: Record<BedState, string> = {
  occupied: 'blue',
  free: 'green',
  reserved: 'yellow',
  out_of_service: 'gray',
};

export function BedStateBadge({ state }: { state: BedState }) {
  const { t } = useTranslation();
  return (
    <Badge color={stateColors[state]} variant="light" data-state={state}>
      {t(`capacity.bedStates.${state}`)}
    </Badge>
  );
}

export function CareLevelBadge({ careLevel }: { careLevel: CareLevel }) {
  const { t } = useTranslation();
  return (
    <Badge color={careLevel === 'intensive_24h' ? 'grape' : 'gray'} variant="outline">
      {t(`capacity.careLevels.${careLevel}`)}
    </Badge>
  );
}
