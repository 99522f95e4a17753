import type { ResidentDetail } from '@ansinh/schemas/resident';
import { Badge, Button, Group, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../auth/session.tsx';
import { formatDate } from '../../lib/format.ts';
import { EmergencyOverdueBadge } from './badges.tsx';
import { CurrentBed } from './CurrentBed.tsx';
import { DischargeModal, ReadmitModal, TransferModal } from './StayModals.tsx';

type Dialog = 'transfer' | 'discharge' | 'readmit';

export function ResidentHeader({ resident: r }: { resident: ResidentDetail }) {
  const { t } = useTranslation();
  const canWrite = useCan('resident.write');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const lastStay = r.stays.at(-1);
  // Nobody is admitted again after dying; any other discharge may be followed by a new admission.
  const canReadmit = !r.currentStay && lastStay?.dischargeReason !== 'deceased';
  const age =
    r.birthDatePrecision === 'year'
      ? t('resident.profile.bornInYear', { year: r.birthDate.slice(0, 4) })
      : t('resident.profile.age', { age: dayjs().diff(r.birthDate, 'year') });

  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={1} size="h2">
          {r.fullName}
        </Title>
        <Group gap="xs" mt={4}>
          <Text c="dimmed">
            {age} · {t(`resident.sexes.${r.sex}`)} · {t(`resident.groups.${r.group}`)}
          </Text>
          {r.emergencyOverdue && <EmergencyOverdueBadge />}
          {r.idNumberKind === 'legacy' && (
            <Badge color="gray" variant="light">
              {t('resident.profile.legacyId')}
            </Badge>
          )}
        </Group>
        <Text mt={4} data-testid="current-facility">
          {r.currentStay
            ? t('resident.profile.atFacility', {
                facility: r.currentStay.facilityName,
                date: formatDate(r.currentStay.admittedOn),
              })
            : t('resident.profile.notInCare')}
        </Text>
        <CurrentBed resident={r} />
      </div>
      {canWrite && (
        <Group gap="sm">
          <Button component={Link} to={`/residents/${r.id}/edit`}>
            {t('common.edit')}
          </Button>
          {r.currentStay && (
            <>
              <Button variant="default" onClick={() => setDialog('transfer')}>
                {t('resident.transfer.title')}
              </Button>
              <Button variant="default" color="red" onClick={() => setDialog('discharge')}>
                {t('resident.discharge.title')}
              </Button>
            </>
          )}
          {canReadmit && (
            <Button variant="default" onClick={() => setDialog('readmit')}>
              {t('resident.readmit.title')}
            </Button>
          )}
        </Group>
      )}
      {dialog === 'transfer' && r.currentStay && (
        <TransferModal resident={r} fromFacilityId={r.currentStay.facilityId} onClose={close} />
      )}
      {dialog === 'discharge' && <DischargeModal resident={r} onClose={close} />}
      {dialog === 'readmit' && <ReadmitModal resident={r} onClose={close} />}
    </Group>
  );
}
