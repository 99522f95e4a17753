import { normalizeIdNumber } from '@ansinh/domain/id-number';
import type { DuplicateMatch } from '@ansinh/schemas/resident';
import { Alert, Anchor, Badge, Group, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../api/trpc.ts';
import { formatDate } from '../../lib/format.ts';
import { birthDateOf, type ResidentFormState } from './resident-form.ts';

/** The fields checkDuplicates needs, or null while the name and birth date are not filled in yet. */
function duplicateQuery(values: ResidentFormState, excludeResidentId?: string) {
  const fullName = values.fullName.trim();
  const birthDate = birthDateOf(values);
  if (fullName.length < 2 || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null;
  const idNumber = normalizeIdNumber(values.idNumber);
  return {
    fullName,
    birthDate,
    homeCommuneCode: values.homeCommuneCode,
    // A half-typed number matches nobody; it is checked once it has a valid length.
    idNumber: /^(\d{9}|\d{12})$/.test(idNumber) ? idNumber : null,
    excludeResidentId,
  };
}

/**
 * Looks for the same person while the form is being filled in. The input is debounced as a string:
 * a fresh object on every render would restart the debounce timer forever.
 */
export function useDuplicateMatches(values: ResidentFormState, excludeResidentId?: string) {
  const trpc = useTRPC();
  const query = duplicateQuery(values, excludeResidentId);
  const [debounced] = useDebouncedValue(query ? JSON.stringify(query) : '', 500);
  const input: NonNullable<ReturnType<typeof duplicateQuery>> | null = debounced
    ? JSON.parse(debounced)
    : null;
  const result = useQuery({
    ...trpc.residents.checkDuplicates.queryOptions(input ?? skipToken),
    placeholderData: keepPreviousData,
  });
  const matches = query && result.data ? result.data : [];
  return { matches, blocking: matches.find(isBlocking) ?? null };
}

/** The same ID number as someone in care now: that person cannot be admitted a second time. */
function isBlocking(match: DuplicateMatch): boolean {
  return match.reason === 'id_number' && match.inCare;
}

function useBlockingMessage() {
  const { t } = useTranslation();
  return (match: DuplicateMatch) =>
    t('resident.duplicates.blocking', { facility: match.facilityName ?? t('errors.anotherFacility') });
}

export function DuplicateWarning({ matches }: { matches: DuplicateMatch[] }) {
  const { t } = useTranslation();
  const blockingMessage = useBlockingMessage();
  if (matches.length === 0) return null;
  const blocking = matches.find(isBlocking);
  const sameIdElsewhere = matches.some((m) => m.reason === 'id_number' && !m.inCare);
  return (
    <Alert
      color={blocking ? 'red' : 'yellow'}
      title={t(blocking ? 'resident.duplicates.blockingTitle' : 'resident.duplicates.title')}
      role="alert"
    >
      {blocking && <Text size="sm">{blockingMessage(blocking)}</Text>}
      {sameIdElsewhere && <Text size="sm">{t('resident.duplicates.sameIdHint')}</Text>}
      <DuplicateList matches={matches} />
    </Alert>
  );
}

export function DuplicateList({ matches }: { matches: DuplicateMatch[] }) {
  const { t } = useTranslation();
  return (
    <List size="sm" mt="xs" spacing={4}>
      {matches.map((m) => (
        <List.Item key={`${m.residentId ?? m.fullName}-${m.reason}`}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={500}>
              {m.fullName} · {formatDate(m.birthDate)}
            </Text>
            <Badge size="sm" variant="light" color={m.reason === 'id_number' ? 'red' : 'yellow'}>
              {t(
                m.reason === 'id_number'
                  ? 'resident.duplicates.byIdNumber'
                  : 'resident.duplicates.byNameBirth',
              )}
            </Badge>
            <Text size="sm" c="dimmed">
              {m.inCare
                ? t('resident.duplicates.inCareAt', {
                    facility: m.facilityName ?? t('errors.anotherFacility'),
                  })
                : t('resident.duplicates.notInCare')}
            </Text>
            {m.residentId && (
              <Anchor component={Link} to={`/residents/${m.residentId}`} size="sm" target="_blank">
                {t('resident.duplicates.open')}
              </Anchor>
            )}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
