import type { BedView, RoomView } from '@ansinh/schemas/capacity';
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Menu,
  Paper,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { BedStateBadge, CareLevelBadge } from './badges.tsx';
import { bedState } from './bed-codes.ts';

export type BedAction = 'assign' | 'move' | 'release' | 'edit' | 'toggleStatus' | 'history';
export type RoomAction = 'edit' | 'delete' | 'addBeds';

interface RoomCardProps {
  room: RoomView;
  /** The beds to list (a search or filter may hide some); the room's own count stays in the header. */
  beds: readonly BedView[];
  canManage: boolean;
  /** Someone is waiting for a bed, so a free bed offers "place a resident here". */
  hasUnplaced: boolean;
  onRoomAction: (action: RoomAction, room: RoomView) => void;
  onBedAction: (action: BedAction, bed: BedView, room: RoomView) => void;
}

export function RoomCard({ room, beds, canManage, hasUnplaced, onRoomAction, onBedAction }: RoomCardProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid={`room-${room.name}`}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <div>
          <Title order={2} size="h4">
            {room.name}
          </Title>
          <Group gap="xs" mt={4}>
            <Text size="sm" c="dimmed">
              {t('capacity.beds.roomSummary', {
                area: formatNumber(room.floorAreaM2),
                beds: formatNumber(room.beds.length),
              })}
            </Text>
            <CareLevelBadge careLevel={room.careLevel} />
          </Group>
        </div>
        {canManage && (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="light" onClick={() => onRoomAction('addBeds', room)}>
              {t('capacity.beds.addBeds')}
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="default"
                  aria-label={t('capacity.beds.roomActions', { name: room.name })}
                >
                  ⋯
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => onRoomAction('edit', room)}>
                  {t('capacity.beds.editRoom')}
                </Menu.Item>
                <Menu.Item
                  color="red"
                  disabled={room.beds.length > 0}
                  onClick={() => onRoomAction('delete', room)}
                >
                  {t('capacity.beds.deleteRoom')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
      {beds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {room.beds.length === 0 ? t('capacity.beds.noBeds') : t('capacity.beds.noMatch')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('capacity.beds.code')}</Table.Th>
                <Table.Th>{t('capacity.beds.state')}</Table.Th>
                <Table.Th>{t('capacity.beds.occupant')}</Table.Th>
                <Table.Th>{t('capacity.beds.since')}</Table.Th>
                <Table.Th w={48}>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {beds.map((bed) => (
                <BedRow
                  key={bed.id}
                  bed={bed}
                  canManage={canManage}
                  hasUnplaced={hasUnplaced}
                  onAction={(action) => onBedAction(action, bed, room)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function BedRow({
  bed,
  canManage,
  hasUnplaced,
  onAction,
}: {
  bed: BedView;
  canManage: boolean;
  hasUnplaced: boolean;
  onAction: (action: BedAction) => void;
}) {
  const { t } = useTranslation();
  const state = bedState(bed);
  return (
    <Table.Tr data-testid={`bed-${bed.code}`}>
      <Table.Td fw={500}>{bed.code}</Table.Td>
      <Table.Td>
        <BedStateBadge state={state} />
      </Table.Td>
      <Table.Td>
        {bed.occupant ? (
          <Anchor component={Link} to={`/residents/${bed.occupant.residentId}`}>
            {bed.occupant.fullName}
          </Anchor>
        ) : bed.offeredTo ? (
          <Text size="sm" c="dimmed">
            {t('capacity.beds.offeredTo', { name: bed.offeredTo.fullName })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>{bed.occupant ? formatDate(bed.occupant.fromOn) : null}</Table.Td>
      <Table.Td>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={t('capacity.beds.bedActions', { code: bed.code })}>
              ⋯
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {canManage && bed.occupant && (
              <>
                <Menu.Item onClick={() => onAction('move')}>{t('capacity.beds.move')}</Menu.Item>
                <Menu.Item onClick={() => onAction('release')}>{t('capacity.beds.release')}</Menu.Item>
              </>
            )}
            {canManage && state === 'free' && hasUnplaced && (
              <Menu.Item onClick={() => onAction('assign')}>{t('capacity.beds.assignHere')}</Menu.Item>
            )}
            {canManage && (
              <>
                <Menu.Item onClick={() => onAction('edit')}>{t('capacity.beds.editBed')}</Menu.Item>
                {bed.status !== 'reserved' && !bed.occupant && (
                  <Menu.Item onClick={() => onAction('toggleStatus')}>
                    {bed.status === 'out_of_service'
                      ? t('capacity.beds.markAvailable')
                      : t('capacity.beds.markOutOfService')}
                  </Menu.Item>
                )}
              </>
            )}
            <Menu.Item onClick={() => onAction('history')}>{t('capacity.beds.history')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  );
}
