import { factFlags, incomeKinds, residentGroups } from '@ansinh/domain/entitlements/facts';
import { type Predicate, predicateSchema } from '@ansinh/domain/entitlements/predicate';
import {
  Accordion,
  Alert,
  Group,
  JsonInput,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeRule } from './describe.ts';
import { fromSimple, type SimplePredicate, toSimple } from './simple-predicate.ts';

interface PredicateEditorProps {
  value: Predicate;
  onChange: (predicate: Predicate) => void;
  /** Set while the JSON text does not parse as a predicate, so the rule cannot be saved meanwhile. */
  onJsonError: (message: string | null) => void;
}

const pretty = (p: Predicate) => JSON.stringify(p, null, 2);

/** Who qualifies: as a sentence, as a form for the usual shape, and as JSON for everything else. */
export function PredicateEditor({ value, onChange, onJsonError }: PredicateEditorProps) {
  const { t } = useTranslation();
  const describe = useDescribeRule();
  const [text, setText] = useState(() => pretty(value));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const simple = toSimple(value);

  const showError = (message: string | null) => {
    setJsonError(message);
    onJsonError(message);
  };
  const fromForm = (next: SimplePredicate) => {
    const predicate = fromSimple(next);
    onChange(predicate);
    setText(pretty(predicate));
    showError(null);
  };
  const fromJson = (next: string) => {
    setText(next);
    let parsed: unknown;
    try {
      parsed = JSON.parse(next);
    } catch (error) {
      showError((error as Error).message);
      return;
    }
    const result = predicateSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      showError(`${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
      return;
    }
    showError(null);
    onChange(result.data);
  };

  return (
    <Stack gap="sm">
      <Text size="sm" fw={500}>
        {t('policy.editor.who')}
      </Text>
      <Text size="sm" bg="gray.0" p="xs" data-testid="predicate-text">
        {describe.predicate(value)}
      </Text>
      {simple ? (
        <SimplePredicateFields value={simple} onChange={fromForm} />
      ) : (
        <Alert color="gray">{t('policy.editor.notStructured')}</Alert>
      )}
      <Accordion variant="contained" defaultValue={simple ? null : 'json'}>
        <Accordion.Item value="json">
          <Accordion.Control>{t('policy.editor.advanced')}</Accordion.Control>
          <Accordion.Panel>
            <Text size="xs" c="dimmed" mb="xs">
              {t('policy.editor.advancedHint')}
            </Text>
            <JsonInput
              aria-label={t('policy.editor.advanced')}
              autosize
              minRows={6}
              maxRows={20}
              value={text}
              onChange={fromJson}
              error={jsonError && t('policy.editor.jsonInvalid', { message: jsonError })}
            />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}

function SimplePredicateFields({
  value,
  onChange,
}: {
  value: SimplePredicate;
  onChange: (next: SimplePredicate) => void;
}) {
  const { t } = useTranslation();
  const groups = residentGroups.map((g) => ({ value: g, label: t(`resident.groups.${g}`) }));
  const set = (changes: Partial<SimplePredicate>) => onChange({ ...value, ...changes });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <MultiSelect
          label={t('policy.editor.groups')}
          data={groups}
          value={value.groups}
          onChange={(next) => set({ groups: next as SimplePredicate['groups'] })}
          clearable
        />
        <MultiSelect
          label={t('policy.editor.excludedGroups')}
          data={groups}
          value={value.excludedGroups}
          onChange={(next) => set({ excludedGroups: next as SimplePredicate['excludedGroups'] })}
          clearable
        />
      </SimpleGrid>
      <Group align="flex-end" grow>
        <Select
          label={t('policy.editor.ageCmp')}
          allowDeselect={false}
          data={[
            { value: 'none', label: t('policy.editor.ageNone') },
            { value: 'lt', label: t('policy.predicate.ageLt', { years: '…' }) },
            { value: 'gte', label: t('policy.predicate.ageGte', { years: '…' }) },
          ]}
          value={value.age?.cmp ?? 'none'}
          onChange={(cmp) =>
            set({ age: cmp === 'lt' || cmp === 'gte' ? { cmp, years: value.age?.years ?? 16 } : null })
          }
        />
        <NumberInput
          label={t('policy.editor.years')}
          disabled={!value.age}
          min={0}
          max={200}
          allowDecimal={false}
          hideControls
          value={value.age?.years ?? ''}
          onChange={(years) =>
            value.age && set({ age: { ...value.age, years: typeof years === 'number' ? years : 0 } })
          }
        />
      </Group>
      <MultiSelect
        label={t('policy.editor.flags')}
        data={factFlags.map((f) => ({ value: f, label: t(`resident.fields.${f}`) }))}
        value={value.flags}
        onChange={(next) => set({ flags: next as SimplePredicate['flags'] })}
        clearable
      />
      <MultiSelect
        label={t('policy.editor.incomes')}
        data={incomeKinds.map((k) => ({ value: k, label: t(`resident.incomeKinds.${k}`) }))}
        value={value.incomes}
        onChange={(next) => set({ incomes: next as SimplePredicate['incomes'] })}
        clearable
      />
    </Stack>
  );
}
