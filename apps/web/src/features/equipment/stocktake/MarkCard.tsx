import { conditions, type Item, type StocktakeReport, stocktakeMarkInput } from '@ansinh/schemas/equipment';
import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../api/trpc.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import type { Condition } from '../types.ts';

type Mode = 'wrong_location' | 'condition_changed';

const outcomeColors = {
  found: 'green',
  missing: 'red',
  wrong_location: 'orange',
  condition_changed: 'grape',
  unexpected: 'blue',
} as const;

/** The item just scanned or picked, with one-tap outcomes; the two that need a detail ask for it. */
export function MarkCard({
  report,
  item,
  onMarked,
  onCancel,
}: {
  report: StocktakeReport;
  item: Item;
  onMarked: (report: StocktakeReport) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [mode, setMode] = useState<Mode | null>(null);
  const [location, setLocation] = useState('');
  const [condition, setCondition] = useState<Condition | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const line = report.lines.find((l) => l.itemId === item.id);
  const expectedLocation = line?.expectedLocation ?? item.location;
  const expectedCondition = line?.expectedCondition ?? item.condition;

  const mark = useMutation(
    trpc.equipment.stocktakes.mark.mutationOptions({
      onSuccess: (saved, input) => {
        onMarked(saved);
        notifications.show({
          color: 'green',
          message: t('equipment.stocktake.marked', {
            code: item.assetCode,
            outcome: t(`equipment.outcomes.${input.outcome}`),
          }),
        });
      },
    }),
  );
  const submit = (outcome: 'found' | Mode) => {
    const parsed = stocktakeMarkInput.safeParse({
      stocktakeId: report.id,
      assetCode: item.assetCode,
      outcome,
      observedLocation: outcome === 'wrong_location' ? location : null,
      observedCondition: outcome === 'condition_changed' ? condition : null,
      note: outcome === 'found' ? null : note,
    });
    // The API requires the detail the outcome is about; say so here before asking it.
    const missing =
      (outcome === 'wrong_location' && location.trim() === '') ||
      (outcome === 'condition_changed' && condition === null);
    if (!parsed.success || missing) {
      setError(t('errors.checkForm'));
      return;
    }
    setError(null);
    mark.mutate(parsed.data);
  };

  return (
    <Paper withBorder p="md" shadow="sm" data-testid="mark-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4">
              {item.name}
            </Title>
            <Text ff="monospace" fw={700}>
              {item.assetCode}
            </Text>
            <Text size="sm" c="dimmed">
              {t('equipment.stocktake.expectedAt', {
                location: expectedLocation ?? t('common.empty'),
                condition: t(`equipment.conditions.${expectedCondition}`),
              })}
            </Text>
          </div>
          {line && line.outcome !== 'missing' ? (
            <Badge color={outcomeColors[line.outcome]} variant="light">
              {t('equipment.stocktake.current', { outcome: t(`equipment.outcomes.${line.outcome}`) })}
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              {t('equipment.stocktake.notMarked')}
            </Badge>
          )}
        </Group>
        <Group grow preventGrowOverflow={false} gap="xs">
          <Button
            color="green"
            size="md"
            loading={mark.isPending && mode === null}
            onClick={() => submit('found')}
          >
            {t('equipment.stocktake.markFound')}
          </Button>
          <Button
            color="orange"
            size="md"
            variant={mode === 'wrong_location' ? 'filled' : 'light'}
            onClick={() => setMode('wrong_location')}
          >
            {t('equipment.stocktake.markWrongLocation')}
          </Button>
          <Button
            color="grape"
            size="md"
            variant={mode === 'condition_changed' ? 'filled' : 'light'}
            onClick={() => setMode('condition_changed')}
          >
            {t('equipment.stocktake.markConditionChanged')}
          </Button>
        </Group>
        {mode && (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              submit(mode);
            }}
          >
            <Stack gap="xs">
              {mode === 'wrong_location' ? (
                <TextInput
                  label={t('equipment.stocktake.observedLocation')}
                  required
                  autoFocus
                  value={location}
                  onChange={(event) => setLocation(event.currentTarget.value)}
                />
              ) : (
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="observed-condition-label">
                    {t('equipment.stocktake.observedCondition')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="observed-condition-label"
                    fullWidth
                    value={condition ?? ''}
                    onChange={(value) => setCondition(value as Condition)}
                    data={conditions.map((value) => ({ value, label: t(`equipment.conditions.${value}`) }))}
                  />
                </Stack>
              )}
              <Textarea
                label={t('equipment.stocktake.note')}
                autosize
                minRows={1}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setMode(null)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={mark.isPending}>
                  {t('equipment.stocktake.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {error && (
          <Text c="red" size="sm">
            {error}
          </Text>
        )}
        {mark.isError && <ErrorAlert error={mark.error} />}
        <Group justify="flex-end">
          <Button variant="subtle" size="xs" onClick={onCancel}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
