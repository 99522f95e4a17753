import { endOfUsefulLife } from '@ansinh/domain/equipment/depreciation';
import type { CategoryField, Item } from '@ansinh/schemas/equipment';
import { Anchor, Button, DataList, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { useCan } from '../../auth/session.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDate, formatDateTime, formatNumber, formatVnd, today } from '../../lib/format.ts';
import { ConditionBadge, ItemFlags, ItemStatusBadge } from './badges.tsx';
import { ItemHistory } from './ItemHistory.tsx';
import { DisposalModal, MoveModal, TransferModal } from './ItemModals.tsx';
import { labelSheetLink } from './labels/label-link.ts';
import { MaintenancePanel } from './MaintenancePanel.tsx';
import { QrCode } from './QrCode.tsx';
import { SchedulesPanel } from './SchedulesPanel.tsx';

export function ItemDetailPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const item = useQuery(trpc.equipment.items.byId.queryOptions({ id }));
  if (item.isPending) return <PageLoader />;
  if (item.isError) return <ErrorState error={item.error} />;
  return <ItemDetail item={item.data} />;
}

function ItemDetail({ item }: { item: Item }) {
  const { t } = useTranslation();
  const active = item.status !== 'disposed';
  return (
    <Stack>
      <Anchor component={Link} to="/equipment" size="sm">
        ← {t('equipment.detail.back')}
      </Anchor>
      <ItemHeader item={item} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <ItemDetails item={item} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <ValueCard item={item} />
            <QrCard item={item} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <MaintenancePanel item={item} active={active} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <SchedulesPanel item={item} active={active} />
        </Grid.Col>
      </Grid>
      <ItemHistory itemId={item.id} />
      <Text size="xs" c="dimmed">
        {t('equipment.fields.createdAt')}: {formatDateTime(item.createdAt)} ·{' '}
        {t('equipment.fields.updatedAt')}: {formatDateTime(item.updatedAt)} · {t('equipment.fields.version')}:{' '}
        {item.version}
      </Text>
    </Stack>
  );
}

type Dialog = 'move' | 'transfer' | 'disposal';

function ItemHeader({ item }: { item: Item }) {
  const { t } = useTranslation();
  const canWrite = useCan('equipment.write');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const active = item.status !== 'disposed';

  return (
    <Group justify="space-between" align="flex-start">
      <div>
        <Title order={1} size="h2">
          {item.name}
        </Title>
        <Group gap="xs" mt={4}>
          <Text c="dimmed" data-testid="asset-code">
            {item.assetCode}
          </Text>
          <ItemStatusBadge status={item.status} />
          <ConditionBadge condition={item.condition} />
          <ItemFlags item={item} />
        </Group>
        <Text mt={4}>
          {item.facilityName}
          {item.location ? ` · ${item.location}` : ''}
        </Text>
        {!active && item.disposedOn && (
          <Text c="dimmed" size="sm">
            {t('equipment.detail.disposedOn', { date: formatDate(item.disposedOn) })}
          </Text>
        )}
      </div>
      {canWrite && active && (
        <Group gap="sm">
          <Button component={Link} to={`/equipment/${item.id}/edit`}>
            {t('common.edit')}
          </Button>
          <Button variant="default" onClick={() => setDialog('move')}>
            {t('equipment.move.title')}
          </Button>
          <Button variant="default" onClick={() => setDialog('transfer')}>
            {t('equipment.transfer.title')}
          </Button>
          <Button variant="default" color="red" onClick={() => setDialog('disposal')}>
            {t('equipment.disposal.title')}
          </Button>
        </Group>
      )}
      {dialog === 'move' && <MoveModal item={item} onClose={close} />}
      {dialog === 'transfer' && <TransferModal item={item} onClose={close} />}
      {dialog === 'disposal' && <DisposalModal item={item} onClose={close} />}
    </Group>
  );
}

function ItemDetails({ item }: { item: Item }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const fields = useQuery(trpc.equipment.categoryFields.list.queryOptions());
  const empty = t('common.empty');
  const text = (value: string | null) => value || empty;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Section title={t('equipment.detail.general')}>
        <Entry label={t('equipment.fields.assetCode')}>{item.assetCode}</Entry>
        <Entry label={t('equipment.fields.category')}>{t(`equipment.categories.${item.category}`)}</Entry>
        <Entry label={t('equipment.fields.modelName')}>{text(item.modelName)}</Entry>
        <Entry label={t('equipment.fields.serialNumber')}>{text(item.serialNumber)}</Entry>
        <Entry label={t('equipment.fields.tracking')}>{t(`equipment.trackings.${item.tracking}`)}</Entry>
        {item.tracking === 'stock' && (
          <Entry label={t('equipment.fields.quantity')}>{formatNumber(item.quantity)}</Entry>
        )}
      </Section>
      <Section title={t('equipment.detail.use')}>
        <Entry label={t('equipment.fields.facilityName')}>{item.facilityName}</Entry>
        <Entry label={t('equipment.fields.location')}>{text(item.location)}</Entry>
        <Entry label={t('equipment.fields.condition')}>{t(`equipment.conditions.${item.condition}`)}</Entry>
        <Entry label={t('equipment.fields.status')}>{t(`equipment.statuses.${item.status}`)}</Entry>
        <Entry label={t('equipment.fields.warrantyUntil')}>{formatDate(item.warrantyUntil) || empty}</Entry>
        <Entry label={t('equipment.fields.nextMaintenanceOn')}>
          {formatDate(item.nextMaintenanceOn) || empty}
        </Entry>
        <Entry label={t('equipment.fields.notes')}>{text(item.notes)}</Entry>
      </Section>
      {fields.data && <CustomValues item={item} fields={fields.data} />}
    </SimpleGrid>
  );
}

/** Values of the category's custom fields, labelled as the catalogue names them; unknown keys as stored. */
function CustomValues({ item, fields }: { item: Item; fields: CategoryField[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const own = fields.filter((f) => f.category === item.category);
  const extra = Object.keys(item.custom).filter((key) => !own.some((f) => f.key === key));
  if (own.length === 0 && extra.length === 0) return null;
  const show = (value: unknown, type?: CategoryField['type']) => {
    if (value === null || value === undefined || value === '') return t('common.empty');
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
    if (typeof value === 'number') return formatNumber(value);
    return type === 'date' ? formatDate(String(value)) : String(value);
  };
  return (
    <Section title={t('equipment.detail.custom')}>
      {own.map((f) => (
        <Entry key={f.id} label={lang === 'en' ? f.labelEn : f.labelVi}>
          {show(item.custom[f.key], f.type)}
        </Entry>
      ))}
      {extra.map((key) => (
        <Entry key={key} label={key}>
          {show(item.custom[key])}
        </Entry>
      ))}
    </Section>
  );
}

function ValueCard({ item }: { item: Item }) {
  const { t } = useTranslation();
  return (
    <Section title={t('equipment.detail.value')}>
      <Entry label={t('equipment.detail.bookValueToday', { date: formatDate(today()) })}>
        <Text fw={700} data-testid="book-value">
          {formatVnd(item.bookValueVnd)}
        </Text>
      </Entry>
      <Entry label={t('equipment.fields.costVnd')}>{formatVnd(item.costVnd)}</Entry>
      <Entry label={t('equipment.fields.acquiredOn')}>{formatDate(item.acquiredOn)}</Entry>
      <Entry label={t('equipment.fields.usefulLifeYears')}>{formatNumber(item.usefulLifeYears)}</Entry>
      <Entry label={t('equipment.detail.endOfLife')}>
        <Group gap="xs">
          {formatDate(endOfUsefulLife(item))}
          {item.pastUsefulLife && item.status !== 'disposed' && (
            <Text span c="grape" fw={500} size="sm">
              ({t('equipment.flags.pastUsefulLife')})
            </Text>
          )}
        </Group>
      </Entry>
      <Entry label={t('equipment.fields.fundingSource')}>
        {t(`equipment.fundingSources.${item.fundingSource}`)}
      </Entry>
    </Section>
  );
}

function QrCard({ item }: { item: Item }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2} size="h5" mb="xs">
            {t('equipment.detail.qr')}
          </Title>
          <Text ff="monospace" fw={700}>
            {item.assetCode}
          </Text>
          <Button mt="sm" size="xs" variant="light" component={Link} to={labelSheetLink([item.id])}>
            {t('equipment.detail.printLabel')}
          </Button>
        </div>
        <QrCode value={item.assetCode} size={120} />
      </Group>
    </Paper>
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

function Entry({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
