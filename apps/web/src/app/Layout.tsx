import { AppShell, Badge, Burger, Button, Drawer, Group, Indicator, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, BACKGROUND, ok, type Me } from '../api/client';
import { displayName, useSignOut } from '../features/auth/session';
import { Link } from './Link';
import { pathOf, type Route, useRoute } from './router';

export const UNREAD_KEY = ['notifications', 'unread'] as const;

/** Unread notifications of the account's inbox (the count shown in the header). */
export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_KEY,
    // Asked every minute by the page itself: not the clerk's activity, so it does not keep the session alive.
    queryFn: async () => ok(await api.GET('/api/v1/notifications', { params: { query: { unread: true, limit: 100 } }, headers: BACKGROUND })).items.length,
    refetchInterval: 60_000,
  });
}

/**
 * From this breakpoint (1200 px) the screens, the account's name and the language switch are a row in the header;
 * below it (a phone, a tablet, a narrow window) they are in the menu.
 */
const ROW_FROM = 'lg';

/** The unread count as shown: the inbox lists at most 100 unread at once. */
const unreadText = (count: number) => (count >= 100 ? '99+' : String(count));

/** The screens the account may open, in the order of the header (and of the menu at phone width). */
function NavLinks({ me, unread }: { me: Me; unread: number }) {
  const { t } = useTranslation();
  const route = useRoute();
  const link = (to: Route, label: ReactNode) => (
    <Link to={to} fw={route.name === to.name ? 700 : 400} c="dark" style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      {label}
    </Link>
  );
  const admin = me.roles.includes('admin');
  return (
    <>
      {link({ name: 'worklist' }, t('app.worklist'))}
      {link({ name: 'audit' }, t('app.audit'))}
      {link({ name: 'statistics' }, t('statistics.nav'))}
      {admin ? link({ name: 'accounts' }, t('app.accounts')) : null}
      {admin ? link({ name: 'admin', tab: 'organisations' }, t('admin.nav')) : null}
      {link(
        { name: 'inbox' },
        <>
          {t('app.inbox')}{' '}
          {unread > 0 ? (
            <Badge color="red" size="sm" circle={unread < 10} data-testid="unread-count">
              {unreadText(unread)}
              <VisuallyHidden> {t('inbox.unread').toLowerCase()}</VisuallyHidden>
            </Badge>
          ) : null}
        </>,
      )}
    </>
  );
}

/**
 * The frame of every screen. On a wide screen the screens are a row in the header; narrower (a phone) they are
 * a menu opened by a button (a drawer: focus kept inside while open, Escape or the close button closes it, and it
 * closes when a screen is chosen), and the button carries the unread count so that it stays in sight.
 */
export function Layout({ me, onSwitchLanguage, children }: { me: Me; onSwitchLanguage: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const route = useRoute();
  const signOut = useSignOut();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const [menuOpened, menu] = useDisclosure(false);
  // A screen chosen in the menu closes it.
  const path = pathOf(route);
  const closeMenu = menu.close;
  useEffect(closeMenu, [path, closeMenu]);
  const navLabel = t('app.title');
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap">
            <Indicator label={unreadText(count)} disabled={count === 0} size={18} color="red" hiddenFrom={ROW_FROM} data-testid="menu-unread">
              <Burger
                opened={menuOpened}
                onClick={menu.toggle}
                aria-label={count > 0 ? t('app.openMenuUnread', { count: unreadText(count) }) : t('app.openMenu')}
                aria-expanded={menuOpened}
                aria-controls="phone-menu"
                size="sm"
              />
            </Indicator>
            <Text fw={700} c="red.9" visibleFrom={ROW_FROM} style={{ whiteSpace: 'nowrap' }}>
              {navLabel}
            </Text>
            <Group component="nav" gap="md" wrap="nowrap" aria-label={navLabel} style={{ whiteSpace: 'nowrap' }} visibleFrom={ROW_FROM}>
              <NavLinks me={me} unread={count} />
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom={ROW_FROM} data-testid="signed-in-as">
              {displayName(me)}
            </Text>
            <UnstyledButton onClick={onSwitchLanguage} fz="sm" c="blue.9" visibleFrom={ROW_FROM}>
              {t('app.language')}
            </UnstyledButton>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <Drawer
        id="phone-menu"
        opened={menuOpened}
        onClose={menu.close}
        title={navLabel}
        size="xs"
        hiddenFrom={ROW_FROM}
        closeButtonProps={{ 'aria-label': t('app.closeMenu') }}
        styles={{ title: { fontWeight: 700, color: 'var(--mantine-color-red-9)' } }}
      >
        <Stack component="nav" gap="md" aria-label={navLabel} fz="lg">
          <NavLinks me={me} unread={count} />
        </Stack>
        <Stack gap="xs" mt="xl">
          <Text size="sm">{displayName(me)}</Text>
          <UnstyledButton onClick={onSwitchLanguage} fz="sm" c="blue.9">
            {t('app.language')}
          </UnstyledButton>
        </Stack>
      </Drawer>
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
    </AppShell>
  );
}
