import type { ResidentDetail } from '@ansinh/schemas/resident';
import { Anchor, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../auth/session.tsx';
import { formatDate } from '../../lib/format.ts';
import { AssignBedModal, MoveBedModal, ReleaseBedModal } from '../capacity/PlacementModals.tsx';

/** Where the person sleeps in their current facility, and the bed changes staff make from here. */
export function CurrentBed({ resident: r }: { resident: ResidentDetail }) {
  const { t } = useTranslation();
  const canManage = useCan('beds.manage');
  const canRead = useCan('capacity.read');
  const [dialog, setDialog] = useState<'assign' | 'move' | 'release' | null>(null);
  const close = () => setDialog(null);
  const stay = r.currentStay;
  if (!stay) return null;
  const bed = r.currentBed;
  const person = { id: r.id, fullName: r.fullName };
  const current = bed ? { code: bed.code, roomName: bed.roomName } : undefined;
  return (
    <Group gap="xs" mt={4}>
      <Text data-testid="current-bed" c={bed ? undefined : 'dimmed'}>
        {bed
          ? t('capacity.profile.bed', { code: bed.code, room: bed.roomName, date: formatDate(bed.fromOn) })
          : t('capacity.profile.noBed')}
      </Text>
      {canRead && (
        <Anchor component={Link} to={`/capacity/beds?facility=${stay.facilityId}`} size="sm">
          {t('capacity.nav.beds')}
        </Anchor>
      )}
      {canManage && bed && (
        <>
          <Button size="compact-sm" variant="light" onClick={() => setDialog('move')}>
            {t('capacity.beds.move')}
          </Button>
          <Button size="compact-sm" variant="subtle" color="orange" onClick={() => setDialog('release')}>
            {t('capacity.beds.release')}
          </Button>
        </>
      )}
      {canManage && !bed && (
        <Button size="compact-sm" variant="light" onClick={() => setDialog('assign')}>
          {t('capacity.beds.assign')}
        </Button>
      )}
      {dialog === 'assign' && (
        <AssignBedModal facilityId={stay.facilityId} resident={person} onClose={close} />
      )}
      {dialog === 'move' && (
        <MoveBedModal facilityId={stay.facilityId} resident={person} currentBed={current} onClose={close} />
      )}
      {dialog === 'release' && <ReleaseBedModal resident={person} currentBed={current} onClose={close} />}
    </Group>
  );
}
