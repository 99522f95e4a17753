import { Select, type SelectProps } from '@mantine/core';
import { skipToken, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { diacriticInsensitiveFilter } from '../../lib/select-filter.ts';
import { freeBeds } from './bed-codes.ts';

type BedPickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'filter'> & {
  facilityId: string | null;
  value: string | null;
  onChange: (bedId: string | null) => void;
};

/** A free bed of one facility, grouped by room; typing "g01" or a room name narrows the list. */
export function BedPicker({
  facilityId,
  value,
  onChange,
  placeholder,
  description,
  disabled,
  ...props
}: BedPickerProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const beds = useQuery(trpc.capacity.beds.queryOptions(facilityId ? { facilityId } : skipToken));
  const byRoom = new Map<string, { value: string; label: string }[]>();
  for (const { bed, roomName } of beds.data ? freeBeds(beds.data) : []) {
    byRoom.set(roomName, [
      ...(byRoom.get(roomName) ?? []),
      { value: bed.id, label: t('capacity.placement.bedOption', { code: bed.code, room: roomName }) },
    ]);
  }
  const data = [...byRoom].map(([group, items]) => ({ group, items }));
  // A facility whose beds the user may not see (a transfer to another centre): the bed is chosen there.
  const unavailable = beds.isError;
  return (
    <Select
      nothingFoundMessage={t('capacity.placement.noFreeBed')}
      searchable
      clearable
      {...props}
      placeholder={
        facilityId
          ? (placeholder ?? t('capacity.placement.bedPlaceholder'))
          : t('capacity.placement.chooseFacilityFirst')
      }
      description={unavailable ? t('capacity.placement.bedsUnavailable') : description}
      disabled={disabled || !facilityId || unavailable}
      data={data}
      value={value}
      onChange={onChange}
      filter={diacriticInsensitiveFilter}
    />
  );
}
