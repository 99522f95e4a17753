import { type Action, can } from '@ansinh/domain/roles';
import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAppConfig } from '../api/config.ts';
import { useTRPC } from '../api/trpc.ts';
import { useSession } from '../auth/session.tsx';
import { planningNav } from '../features/waitlist/routes.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

interface NavEntry {
  to: string;
  label: ParseKeys;
  action: Action;
  /** A group: its pages are listed under it, and it opens by itself on any of them. */
  children?: readonly NavEntry[];
}

const navItems: readonly NavEntry[] = [
  { to: '/facilities', label: 'nav.facilities', action: 'facility.read' },
  { to: '/residents', label: 'nav.residents', action: 'resident.read' },
  { to: '/entitlements/roll', label: 'nav.roll', action: 'entitlement.read' },
  { to: '/policies', label: 'nav.policies', action: 'policy.read' },
  {
    to: '/equipment',
    label: 'nav.equipment',
    action: 'equipment.read',
    children: [
      { to: '/equipment', label: 'nav.equipmentList', action: 'equipment.read' },
      { to: '/equipment/maintenance', label: 'nav.equipmentMaintenance', action: 'equipment.read' },
      { to: '/equipment/requests', label: 'nav.equipmentRequests', action: 'equipment.read' },
      { to: '/equipment/stocktake', label: 'nav.equipmentStocktake', action: 'equipment.read' },
      { to: '/equipment/dashboard', label: 'nav.equipmentDashboard', action: 'equipment.read' },
      { to: '/equipment/catalogue', label: 'nav.equipmentCatalogue', action: 'equipment.catalogue' },
    ],
  },
  {
    to: '/capacity',
    label: 'capacity.nav.group',
    action: 'capacity.read',
    children: [
      { to: '/capacity/beds', label: 'capacity.nav.beds', action: 'capacity.read' },
      { to: '/capacity/standards', label: 'capacity.nav.standards', action: 'capacity.read' },
      { to: '/capacity/occupancy', label: 'capacity.nav.occupancy', action: 'capacity.read' },
      { to: '/capacity/dashboard', label: 'capacity.nav.dashboard', action: 'capacity.read' },
      { to: '/capacity/settings', label: 'capacity.nav.settings', action: 'standards.manage' },
    ],
  },
  ...planningNav,
  { to: '/users', label: 'nav.users', action: 'user.manage' },
  { to: '/audit', label: 'nav.audit', action: 'audit.read' },
];

const isUnder = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`);

/** The entry a page belongs to: the longest matching address, so /equipment/stocktake is not the list. */
function activeEntry(entries: readonly NavEntry[], pathname: string): NavEntry | undefined {
  return entries.filter((entry) => isUnder(pathname, entry.to)).sort((a, b) => b.to.length - a.to.length)[0];
}

export function AppLayout() {
  const [navOpened, nav] = useDisclosure();
  const { t } = useTranslation();
  const user = useSession();
  const { pathname } = useLocation();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" />
            <Brand />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Stack gap={0} align="flex-end" visibleFrom="sm">
              <Text size="sm" fw={500} data-testid="current-user">
                {user.fullName}
              </Text>
              <Badge size="xs" variant="light">
                {t(`roles.${user.role}`)}
              </Badge>
            </Stack>
            <LanguageSwitch />
            <SignOutButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        {navItems
          .filter((item) => can(user.role, item.action))
          .map((item) => {
            const children = item.children?.filter((child) => can(user.role, child.action));
            if (!children) {
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  active={isUnder(pathname, item.to)}
                  onClick={nav.close}
                />
              );
            }
            const active = activeEntry(children, pathname);
            return (
              <NavLink
                key={item.to}
                label={t(item.label)}
                defaultOpened={isUnder(pathname, item.to)}
                childrenOffset="md"
              >
                {children.map((child) => (
                  <NavLink
                    key={child.to}
                    component={Link}
                    to={child.to}
                    label={t(child.label)}
                    active={child === active}
                    onClick={nav.close}
                  />
                ))}
              </NavLink>
            );
          })}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function Brand() {
  const { t } = useTranslation();
  const config = useAppConfig();
  return (
    <Stack gap={0}>
      <Text fw={700} size="lg" lh={1.1}>
        {t('app.name')}
      </Text>
      <Text size="xs" c="dimmed" lh={1.2} visibleFrom="xs">
        {config.data?.departmentName ?? t('app.tagline')}
      </Text>
    </Stack>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        // Drop everything cached for this user before anyone else signs in on the same screen.
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
        void navigate('/login', { replace: true });
      },
    }),
  );
  return (
    <Button variant="default" size="xs" loading={logout.isPending} onClick={() => logout.mutate()}>
      {t('header.signOut')}
    </Button>
  );
}
