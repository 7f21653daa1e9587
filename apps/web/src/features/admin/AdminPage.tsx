import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/client';
import { type AdminTab, navigate } from '../../app/router';
import { businessToday } from '../../lib/dates';
import { CalendarPage } from './CalendarPage';
import { ImportsPage } from './imports/ImportsPage';
import { OrganisationsPage } from './OrganisationsPage';
import { TemplatesPage } from './TemplatesPage';

/**
 * Quản trị (administrators): the organisation tree, the working-day calendar, the import of cases and the document
 * templates, one tab each; the imports tab may show one import (`importId`, from its address).
 */
export function AdminPage({ tab, importId, me }: { tab: AdminTab; importId?: string; me: Me }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Tabs value={tab} onChange={(v) => v && navigate({ name: 'admin', tab: v as AdminTab })}>
        <Tabs.List>
          <Tabs.Tab value="organisations">{t('admin.organisations.tab')}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t('admin.calendar.tab')}</Tabs.Tab>
          <Tabs.Tab value="imports">{t('admin.imports.tab')}</Tabs.Tab>
          <Tabs.Tab value="templates">{t('admin.templates.tab')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'organisations' ? <OrganisationsPage /> : tab === 'calendar' ? <CalendarPage today={businessToday()} me={me} /> : tab === 'templates' ? <TemplatesPage /> : <ImportsPage importId={importId} />}
    </Stack>
  );
}
