import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AdminTab, navigate } from '../../app/router';
import { businessToday } from '../../lib/dates';
import { CalendarPage } from './CalendarPage';
import { OrganisationsPage } from './OrganisationsPage';

/** Quản trị (administrators): the organisation tree and the working-day calendar, one tab each. */
export function AdminPage({ tab }: { tab: AdminTab }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Tabs value={tab} onChange={(v) => v && navigate({ name: 'admin', tab: v as AdminTab })}>
        <Tabs.List>
          <Tabs.Tab value="organisations">{t('admin.organisations.tab')}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t('admin.calendar.tab')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'organisations' ? <OrganisationsPage /> : <CalendarPage today={businessToday()} />}
    </Stack>
  );
}
