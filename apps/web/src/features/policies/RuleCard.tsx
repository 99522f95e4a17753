import type { StoredRule } from '@ansinh/schemas/policy';
import { Badge, Button, Code, DataList, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { useDescribeRule } from './describe.ts';

const statusColors = { in_force: 'green', proposed: 'blue', archived: 'gray' } as const;

export type RuleAction = 'edit' | 'newVersion' | 'adopt' | 'archive';

/** One version of a rule in words; the buttons are only passed to people who manage policy. */
export function RuleCard({
  stored,
  onAction,
}: {
  stored: StoredRule;
  onAction?: (action: RuleAction) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const describe = useDescribeRule();
  const { rule } = stored;
  const effective = rule.effectiveTo
    ? t('policy.rule.range', { from: formatDate(rule.effectiveFrom), to: formatDate(rule.effectiveTo) })
    : t('policy.rule.from', { date: formatDate(rule.effectiveFrom) });

  return (
    <Paper withBorder p="md" data-testid={`rule-${rule.code}`}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div style={{ flex: 1 }}>
          <Text fw={600}>{rule.title[lang]}</Text>
          <Group gap="xs" mt={4}>
            <Badge color={statusColors[rule.status]} variant="light">
              {t(`policy.statuses.${rule.status}`)}
            </Badge>
            <Badge color="gray" variant="outline">
              {t(`policy.kinds.${rule.kind}`)}
            </Badge>
            {rule.amountIsPlaceholder && (
              <Badge color="orange" variant="light">
                {t('policy.rule.placeholder')}
              </Badge>
            )}
            <Code>{rule.code}</Code>
          </Group>
        </div>
        {onAction && <RuleActions status={rule.status} onAction={onAction} />}
      </Group>
      <DataList orientation="horizontal" gap={6}>
        <Item label={t('policy.rule.amount')}>{describe.amount(rule.amount, rule.kind)}</Item>
        <Item label={t('policy.rule.who')}>{describe.predicate(rule.predicate)}</Item>
        {rule.limits && rule.limits.length > 0 && (
          <Item label={t('policy.rule.limits')}>{describe.limits(rule.limits)}</Item>
        )}
        <Item label={t('policy.rule.effective')}>
          {effective}
          {stored.adoptedAt && ` · ${t('policy.rule.adoptedAt', { date: formatDate(stored.adoptedAt) })}`}
        </Item>
        <Item label={t('policy.rule.legalBasis')}>{rule.legalBasis}</Item>
      </DataList>
      {rule.note && (
        <Text size="sm" c="dimmed" mt="xs">
          {rule.note[lang]}
        </Text>
      )}
    </Paper>
  );
}

function RuleActions({
  status,
  onAction,
}: {
  status: StoredRule['rule']['status'];
  onAction: (a: RuleAction) => void;
}) {
  const { t } = useTranslation();
  if (status === 'archived') return null;
  return (
    <Group gap="xs">
      {status === 'proposed' ? (
        <>
          <Button size="xs" onClick={() => onAction('edit')}>
            {t('policy.rule.edit')}
          </Button>
          <Button size="xs" color="green" variant="light" onClick={() => onAction('adopt')}>
            {t('policy.rule.adopt')}
          </Button>
        </>
      ) : (
        <Button size="xs" variant="default" onClick={() => onAction('newVersion')}>
          {t('policy.rule.newVersion')}
        </Button>
      )}
      <Button size="xs" variant="subtle" color="gray" onClick={() => onAction('archive')}>
        {t('policy.rule.archive')}
      </Button>
    </Group>
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
