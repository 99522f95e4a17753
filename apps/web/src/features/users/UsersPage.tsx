import type { User } from '@ansinh/schemas/user';
import { Badge, Button, Group, Menu, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc.ts';
import { Busy } from '../../components/Busy.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { TablePager } from '../../components/TablePager.tsx';
import { formatNumber } from '../../lib/format.ts';
import { AssignUserModal } from './AssignUserModal.tsx';
import { CreateUserModal } from './CreateUserModal.tsx';
import { DeactivateUserModal } from './DeactivateUserModal.tsx';
import { FacilityNames } from './FacilityPicker.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';

type Dialog = { kind: 'create' } | { kind: 'assign' | 'resetPassword' | 'deactivate'; user: User };

export function UsersPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 350);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const list = useQuery({
    ...trpc.users.list.queryOptions({ search: debouncedSearch || undefined, ...paging }),
    placeholderData: keepPreviousData,
  });
  const close = () => setDialog(null);

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1} size="h2">
          {t('users.title')}
        </Title>
        <Button onClick={() => setDialog({ kind: 'create' })}>{t('users.add')}</Button>
      </Group>
      <TextInput
        mb="md"
        maw={400}
        type="search"
        aria-label={t('common.search')}
        placeholder={t('users.searchPlaceholder')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      />
      {list.isError && <ErrorState error={list.error} />}
      {list.isPending && <PageLoader />}
      {list.data && (
        <>
          <Busy busy={list.isPlaceholderData}>
            <UsersTable users={list.data.items} onAction={setDialog} />
          </Busy>
          <TablePager
            page={paging.page}
            pageSize={paging.pageSize}
            total={list.data.total}
            summary={t('common.total', { total: formatNumber(list.data.total) })}
            onPageChange={(page) => setPaging((p) => ({ ...p, page }))}
            onPageSizeChange={(pageSize) => setPaging({ page: 1, pageSize })}
          />
        </>
      )}
      {dialog?.kind === 'create' && <CreateUserModal onClose={close} />}
      {dialog?.kind === 'assign' && <AssignUserModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'resetPassword' && <ResetPasswordModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'deactivate' && <DeactivateUserModal user={dialog.user} onClose={close} />}
    </>
  );
}

function UsersTable({ users, onAction }: { users: User[]; onAction: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.fields.username')}</Table.Th>
            <Table.Th>{t('users.fields.fullName')}</Table.Th>
            <Table.Th>{t('users.fields.role')}</Table.Th>
            <Table.Th>{t('users.fields.facilityIds')}</Table.Th>
            <Table.Th>{t('users.fields.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>{user.username}</Table.Td>
              <Table.Td>{user.fullName}</Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>
                <FacilityNames ids={user.facilityIds} />
              </Table.Td>
              <Table.Td>
                <Badge color={user.isActive ? 'green' : 'gray'} variant="light">
                  {t(user.isActive ? 'users.active' : 'users.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                {user.isActive && <UserActions user={user} onAction={onAction} />}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {users.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          {t('users.empty')}
        </Text>
      )}
    </Table.ScrollContainer>
  );
}

function UserActions({ user, onAction }: { user: User; onAction: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="subtle" size="xs" aria-label={`${t('common.actions')}: ${user.username}`}>
          {t('common.actions')} ▾
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onAction({ kind: 'assign', user })}>{t('users.assign')}</Menu.Item>
        <Menu.Item onClick={() => onAction({ kind: 'resetPassword', user })}>
          {t('users.resetPassword')}
        </Menu.Item>
        <Menu.Item color="red" onClick={() => onAction({ kind: 'deactivate', user })}>
          {t('users.deactivate')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
