import { type Action, can } from '@ansinh/domain/roles';
import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAppConfig } from '../api/config.ts';
import { useTRPC } from '../api/trpc.ts';
import { useSession } from '../auth/session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

const navItems = [
  { to: '/facilities', label: 'nav.facilities', action: 'facility.read' },
  { to: '/residents', label: 'nav.residents', action: 'resident.read' },
  { to: '/entitlements/roll', label: 'nav.roll', action: 'entitlement.read' },
  { to: '/policies', label: 'nav.policies', action: 'policy.read' },
  { to: '/users', label: 'nav.users', action: 'user.manage' },
  { to: '/audit', label: 'nav.audit', action: 'audit.read' },
] as const satisfies readonly { to: string; label: string; action: Action }[];

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
          .map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(item.label)}
              active={pathname.startsWith(item.to)}
              onClick={nav.close}
            />
          ))}
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
