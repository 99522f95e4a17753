import type { Facility } from '@ansinh/schemas/facility';
import { Anchor, Button, DataList, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { useCan } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { formatDate, formatDateTime, formatNumber, formatVnd } from '../../lib/format.ts';
import { StatusBadge } from './StatusBadge.tsx';

export function FacilityDetailPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const facility = useQuery(trpc.facilities.byId.queryOptions({ id }));
  if (facility.isPending) return <PageLoader />;
  if (facility.isError) return <ErrorState error={facility.error} />;
  return <FacilityDetail facility={facility.data} />;
}

function FacilityDetail({ facility: f }: { facility: Facility }) {
  const { t } = useTranslation();
  const canUpdate = useCan('facility.update');
  const canReadResidents = useCan('resident.read');
  const empty = t('common.empty');
  const text = (value: string | null) => value || empty;

  return (
    <Stack>
      <Anchor component={Link} to="/facilities" size="sm">
        ← {t('facility.list.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {f.name}
          </Title>
          <Group gap="xs" mt={4}>
            <Text c="dimmed">{f.code}</Text>
            <StatusBadge status={f.status} />
          </Group>
        </div>
        <Group gap="sm">
          {canReadResidents && (
            <Button variant="default" component={Link} to={`/residents?facilityId=${f.id}`}>
              {t('facility.detail.residents')}
            </Button>
          )}
          {canUpdate && (
            <Button component={Link} to={`/facilities/${f.id}/edit`}>
              {t('common.edit')}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Section title={t('facility.detail.general')}>
          <Item label={t('facility.fields.code')}>{f.code}</Item>
          <Item label={t('facility.fields.type')}>{t(`facility.types.${f.type}`)}</Item>
          <Item label={t('facility.fields.ownership')}>{t(`facility.ownerships.${f.ownership}`)}</Item>
          <Item label={t('facility.fields.operatorOrganisation')}>{text(f.operatorOrganisation)}</Item>
          <Item label={t('facility.fields.status')}>{t(`facility.statuses.${f.status}`)}</Item>
        </Section>
        <Section title={t('facility.detail.location')}>
          <Item label={t('facility.fields.provinceCode')}>{f.provinceName}</Item>
          <Item label={t('facility.fields.communeCode')}>{f.communeName}</Item>
          <Item label={t('facility.fields.address')}>{text(f.address)}</Item>
          <Item label={t('facility.fields.phone')}>{text(f.phone)}</Item>
        </Section>
        <Section title={t('facility.detail.establishment')}>
          <Item label={t('facility.fields.decisionNumber')}>{text(f.decisionNumber)}</Item>
          <Item label={t('facility.fields.decisionDate')}>{formatDate(f.decisionDate) || empty}</Item>
          <Item label={t('facility.fields.licensedCapacity')}>{formatNumber(f.licensedCapacity)}</Item>
          <Item label={t('facility.fields.landAreaM2')}>{formatNumber(f.landAreaM2) || empty}</Item>
          <Item label={t('facility.fields.bedroomAreaM2')}>{formatNumber(f.bedroomAreaM2) || empty}</Item>
          <Item label={t('facility.fields.careCostVnd')}>
            {f.careCostVnd === null ? empty : formatVnd(f.careCostVnd)}
          </Item>
        </Section>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('facility.fields.createdAt')}: {formatDateTime(f.createdAt)} · {t('facility.fields.updatedAt')}:{' '}
        {formatDateTime(f.updatedAt)} · {t('facility.fields.version')}: {f.version}
      </Text>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      <DataList orientation="vertical" gap="xs">
        {children}
      </DataList>
    </Paper>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
