import {
  type CriterionKind,
  type urgencyValues,
  vulnerabilityFlagValues,
  type WaitlistCriterion,
  type WaitlistPriority,
} from '@ansinh/domain/capacity/waitlist';
import {
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField, OptionalNumberField, type PathForm, RowButtons, valueAt } from './form-helpers.tsx';

export interface PriorityValues {
  validFrom: string | null;
  note: string;
  document: WaitlistPriority;
}

const criterionKinds: readonly CriterionKind[] = ['urgency', 'need', 'vulnerability', 'age', 'waiting_time'];
const urgencies: readonly (typeof urgencyValues)[number][] = ['emergency', 'high', 'normal'];

/** A new criterion starts from something sensible the planner then adjusts. */
function newCriterion(kind: CriterionKind): WaitlistCriterion {
  switch (kind) {
    case 'urgency':
      return { kind, points: { emergency: 2, high: 1, normal: 0 } };
    case 'vulnerability':
      return { kind, points: {} };
    case 'age':
      return { kind, bands: [{ fromYears: 60, points: 1 }] };
    case 'need':
      return { kind, points: {}, bands: [] };
    case 'waiting_time':
      return { kind };
  }
}

/** The ordered admission criteria and their points: the first criterion decides, a tie goes on. */
export function PriorityEditor({
  form,
  readOnly,
}: {
  form: UseFormReturnType<PriorityValues>;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const f = form as PathForm;
  const [adding, setAdding] = useState<string | null>(null);
  const criteria = form.getValues().document.criteria;
  const missing = criterionKinds.filter((kind) => !criteria.some((c) => c.kind === kind));
  const path = 'document.criteria';
  return (
    <Stack>
      <TextInput
        label={t('capacity.settings.versionLabel')}
        required
        readOnly={readOnly}
        w={320}
        {...form.getInputProps('document.version')}
      />
      <Text size="sm" c="dimmed">
        {t('capacity.settings.priority.hint')}
      </Text>
      {form.errors[path] && (
        <Text size="sm" c="red">
          {form.errors[path]}
        </Text>
      )}
      {criteria.map((criterion, i) => {
        const kindLabel = t(`capacity.settings.priority.kinds.${criterion.kind}`);
        return (
          <Paper key={criterion.kind} withBorder p="md" data-testid={`criterion-${criterion.kind}`}>
            <Group justify="space-between" mb="xs">
              <div>
                <Title order={3} size="h5">
                  {t('capacity.settings.priority.criterion', { n: i + 1, kind: kindLabel })}
                </Title>
                <Text size="sm" c="dimmed">
                  {t(`capacity.settings.priority.kindHints.${criterion.kind}`)}
                </Text>
              </div>
              {!readOnly && (
                <RowButtons
                  index={i}
                  count={criteria.length}
                  label={kindLabel}
                  onMove={(from, to) => form.reorderListItem(path, { from, to })}
                  onRemove={(index) => form.removeListItem(path, index)}
                />
              )}
            </Group>
            {form.errors[`${path}.${i}`] && (
              <Text size="sm" c="red">
                {form.errors[`${path}.${i}`]}
              </Text>
            )}
            {criterion.kind === 'urgency' && (
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {urgencies.map((urgency) => (
                  <NumberField
                    key={urgency}
                    form={f}
                    path={`${path}.${i}.points.${urgency}`}
                    label={t(`capacity.settings.priority.urgencies.${urgency}`)}
                    readOnly={readOnly}
                    allowDecimal={false}
                  />
                ))}
              </SimpleGrid>
            )}
            {(criterion.kind === 'vulnerability' || criterion.kind === 'need') && (
              <FlagPoints form={f} path={`${path}.${i}.points`} readOnly={readOnly} />
            )}
            {(criterion.kind === 'age' || criterion.kind === 'need') && (
              <AgeBands form={f} path={`${path}.${i}.bands`} readOnly={readOnly} />
            )}
          </Paper>
        );
      })}
      {!readOnly && missing.length > 0 && (
        <Group align="flex-end">
          <Select
            label={t('capacity.settings.priority.addCriterion')}
            data={missing.map((kind) => ({
              value: kind,
              label: t(`capacity.settings.priority.kinds.${kind}`),
            }))}
            value={adding}
            onChange={setAdding}
            w={320}
          />
          <Button
            variant="default"
            disabled={!adding}
            onClick={() => {
              if (!adding) return;
              form.insertListItem(path, newCriterion(adding as CriterionKind));
              setAdding(null);
            }}
          >
            {t('capacity.settings.priority.addCriterion')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function FlagPoints({ form, path, readOnly }: { form: PathForm; path: string; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="sm">
      {vulnerabilityFlagValues.map((flag) => (
        <OptionalNumberField
          key={flag}
          form={form}
          path={`${path}.${flag}`}
          label={t(`capacity.settings.priority.flags.${flag}`)}
          readOnly={readOnly}
          allowDecimal={false}
        />
      ))}
    </SimpleGrid>
  );
}

function AgeBands({ form, path, readOnly }: { form: PathForm; path: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const bands = (valueAt(form, path) ?? []) as unknown[];
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {t('capacity.settings.priority.ageBands')}
      </Text>
      {bands.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('capacity.settings.priority.fromYears')}</Table.Th>
              <Table.Th>{t('capacity.settings.priority.belowYears')}</Table.Th>
              <Table.Th>{t('capacity.settings.priority.points')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bands.map((_, j) => {
              const band = `${path}.${j}`;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: bands have no identity; their bounds are being edited
                <Table.Tr key={j}>
                  <Table.Td>
                    <OptionalNumberField
                      form={form}
                      path={`${band}.fromYears`}
                      aria-label={`${t('capacity.settings.priority.fromYears')} ${j + 1}`}
                      readOnly={readOnly}
                      allowDecimal={false}
                      error={form.errors[`${band}.fromYears`] ?? form.errors[band]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <OptionalNumberField
                      form={form}
                      path={`${band}.belowYears`}
                      aria-label={`${t('capacity.settings.priority.belowYears')} ${j + 1}`}
                      readOnly={readOnly}
                      allowDecimal={false}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberField
                      form={form}
                      path={`${band}.points`}
                      aria-label={`${t('capacity.settings.priority.points')} ${j + 1}`}
                      readOnly={readOnly}
                      allowDecimal={false}
                    />
                  </Table.Td>
                  <Table.Td>
                    {!readOnly && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => form.removeListItem(path, j)}
                      >
                        ✕
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {!readOnly && (
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() => form.insertListItem(path, { fromYears: 60, points: 1 })}
          >
            {t('capacity.settings.priority.addBand')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
