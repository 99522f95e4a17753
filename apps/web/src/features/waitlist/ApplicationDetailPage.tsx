import type { ApplicationDetail, OfferView } from '@ansinh/schemas/waitlist';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  DataList,
  Grid,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { useCan } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { AcceptOfferModal } from './AcceptOfferModal.tsx';
import { flagFields } from './application-form.ts';
import { ApplicationStatusBadge, OfferStatusBadge, UrgencyBadge } from './badges.tsx';
import { Explanation } from './Explanation.tsx';
import {
  DeclineOfferModal,
  OfferBedModal,
  WithdrawApplicationModal,
  WithdrawOfferModal,
} from './OfferModals.tsx';

export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const application = useQuery(trpc.waitlist.byId.queryOptions({ id }));
  if (application.isPending) return <PageLoader />;
  if (application.isError) return <ErrorState error={application.error} />;
  return <ApplicationView application={application.data} />;
}

const isOpen = (a: ApplicationDetail) => a.status === 'waiting' || a.status === 'offered';

function ApplicationView({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const canWrite = useCan('waitlist.write');
  const [withdrawing, setWithdrawing] = useState(false);
  return (
    <Stack>
      <Anchor component={Link} to="/waitlist" size="sm">
        ← {t('planning.waitlist.detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {a.fullName}
          </Title>
          <Group gap="xs" mt={4}>
            <ApplicationStatusBadge status={a.status} />
            <UrgencyBadge urgency={a.urgency} />
            {a.rank !== null && (
              <Badge variant="outline" size="lg" data-testid="application-rank">
                {t('planning.waitlist.detail.rank', { rank: a.rank, total: a.queueSize })}
              </Badge>
            )}
          </Group>
        </div>
        {canWrite && isOpen(a) && (
          <Group gap="sm">
            <Button component={Link} to={`/waitlist/${a.id}/edit`}>
              {t('common.edit')}
            </Button>
            <Button variant="default" color="red" onClick={() => setWithdrawing(true)}>
              {t('planning.waitlist.detail.withdraw')}
            </Button>
          </Group>
        )}
      </Group>
      {a.status === 'admitted' && a.residentId && (
        <Alert color="green">
          <Group justify="space-between">
            <Text size="sm">{t('planning.waitlist.detail.admitted')}</Text>
            <Button size="xs" component={Link} to={`/residents/${a.residentId}`}>
              {t('planning.waitlist.detail.openResident')}
            </Button>
          </Group>
        </Alert>
      )}
      {a.status === 'withdrawn' && (
        <Alert color="gray">
          {t('planning.waitlist.detail.withdrawnAlert', {
            date: formatDate(a.closedOn),
            reason: a.closeReason ?? '',
          })}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ApplicationFacts application={a} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {a.explanation && (
            <Paper withBorder p="md">
              <Title order={2} size="h5" mb="sm">
                {t('planning.waitlist.detail.explanation')}
              </Title>
              <Explanation explanation={a.explanation} />
            </Paper>
          )}
        </Grid.Col>
      </Grid>
      <OffersPanel application={a} />
      <Text size="xs" c="dimmed">
        {t('planning.waitlist.fields.createdAt')}: {formatDateTime(a.createdAt)} ·{' '}
        {t('planning.waitlist.fields.updatedAt')}: {formatDateTime(a.updatedAt)} ·{' '}
        {t('planning.waitlist.fields.version')}: {a.version}
      </Text>
      {withdrawing && <WithdrawApplicationModal application={a} onClose={() => setWithdrawing(false)} />}
    </Stack>
  );
}

function ApplicationFacts({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const flags = flagFields.filter((f) => a.vulnerability[f]).map((f) => t(`planning.waitlist.fields.${f}`));
  if (a.vulnerability.disabilityLevel) {
    flags.unshift(
      `${t('planning.waitlist.fields.disabilityLevel')}: ${t(`resident.disabilityLevels.${a.vulnerability.disabilityLevel}`)}`,
    );
  }
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {t('planning.waitlist.detail.general')}
      </Title>
      <DataList orientation="vertical" gap="xs">
        <Entry label={t('planning.waitlist.fields.birthDate')}>
          {formatDate(a.birthDate) || t('common.unknown')}
        </Entry>
        <Entry label={t('planning.waitlist.fields.sex')}>{t(`resident.sexes.${a.sex}`)}</Entry>
        <Entry label={t('planning.waitlist.fields.idNumber')}>{a.idNumber ?? empty}</Entry>
        <Entry label={t('planning.waitlist.fields.homeCommune')}>{a.homeCommuneName}</Entry>
        <Entry label={t('planning.waitlist.fields.group')}>{t(`resident.groups.${a.group}`)}</Entry>
        <Entry label={t('planning.waitlist.fields.vulnerability')}>
          {flags.length ? flags.join('; ') : empty}
        </Entry>
        <Entry label={t('planning.waitlist.fields.requested')}>
          {[
            a.requestedFacilityName,
            a.requestedFacilityType ? t(`facility.types.${a.requestedFacilityType}`) : null,
          ]
            .filter(Boolean)
            .join(' · ') || empty}
        </Entry>
        <Entry label={t('planning.waitlist.fields.appliedOn')}>
          {formatDate(a.appliedOn)} (
          {t('planning.waitlist.metrics.days', { days: formatNumber(a.waitingDays) })})
        </Entry>
        <Entry label={t('planning.waitlist.fields.notes')}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{a.notes || empty}</Text>
        </Entry>
      </DataList>
    </Paper>
  );
}

type OfferDialog = { kind: 'accept' | 'decline' | 'withdraw'; offer: OfferView } | { kind: 'offer' };

/** The beds offered to this person, latest first, and the answers; an open offer can be answered here. */
function OffersPanel({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const canOffer = useCan('beds.manage');
  const canAdmit = useCan('resident.write') && canOffer;
  const [dialog, setDialog] = useState<OfferDialog | null>(null);
  const close = () => setDialog(null);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {t('planning.waitlist.detail.offers')}
        </Title>
        {canOffer && a.status === 'waiting' && (
          <Button size="xs" onClick={() => setDialog({ kind: 'offer' })}>
            {t('planning.waitlist.detail.offerBed')}
          </Button>
        )}
      </Group>
      {a.offers.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('planning.waitlist.detail.noOffers')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" data-testid="offers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('planning.waitlist.offerFields.bed')}</Table.Th>
                <Table.Th>{t('planning.waitlist.offerFields.facility')}</Table.Th>
                <Table.Th>{t('planning.waitlist.offerFields.offeredOn')}</Table.Th>
                <Table.Th>{t('planning.waitlist.offerFields.status')}</Table.Th>
                <Table.Th>{t('planning.waitlist.offerFields.reason')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.offers.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Text fw={600}>{o.bedCode}</Text>
                    <Text size="xs" c="dimmed">
                      {t('planning.waitlist.offerFields.room', { room: o.roomName })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{o.facilityName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(o.offeredOn)}
                    {o.offeredByName && (
                      <Text size="xs" c="dimmed">
                        {o.offeredByName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <OfferStatusBadge status={o.status} />
                    {o.decidedOn && (
                      <Text size="xs" c="dimmed">
                        {formatDate(o.decidedOn)}
                        {o.decidedByName ? ` · ${o.decidedByName}` : ''}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={260}>{o.reason}</Table.Td>
                  <Table.Td>
                    {o.status === 'open' && canOffer && (
                      <Group gap={6} wrap="nowrap" justify="flex-end">
                        {canAdmit && (
                          <Button
                            size="xs"
                            color="green"
                            onClick={() => setDialog({ kind: 'accept', offer: o })}
                          >
                            {t('planning.waitlist.accept.action')}
                          </Button>
                        )}
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setDialog({ kind: 'decline', offer: o })}
                        >
                          {t('planning.waitlist.decline.action')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="gray"
                          onClick={() => setDialog({ kind: 'withdraw', offer: o })}
                        >
                          {t('planning.waitlist.withdrawOffer.action')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog?.kind === 'offer' && <OfferBedModal application={a} onClose={close} />}
      {dialog?.kind === 'accept' && <AcceptOfferModal application={a} offer={dialog.offer} onClose={close} />}
      {dialog?.kind === 'decline' && <DeclineOfferModal offer={dialog.offer} onClose={close} />}
      {dialog?.kind === 'withdraw' && <WithdrawOfferModal offer={dialog.offer} onClose={close} />}
    </Paper>
  );
}

function Entry({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
