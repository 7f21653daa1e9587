import { Anchor, Card, Group, Loader, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { Link } from '../../app/Link';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { basisText } from '../../lib/errors';
import { viDate } from '../../lib/dates';
import type { Lang } from '../../lib/payload';
import { queryString } from '../../lib/query-string';
import { dateInput } from '../../lib/step-form';
import { useOrganisations } from '../organisations';
import { LateDeadlines } from './LateDeadlines';

/** One breach found by the compliance checks (GET /audit/violations). */
interface Violation {
  caseId: string;
  candidateName: string;
  check: string;
  title: { vi: string; en: string };
  source: string;
  severity: string;
  organisationName: string;
  detectedOn: string | null;
}

const SEVERITY_COLOURS: Record<string, string> = { critical: 'red.9', major: 'orange.9', minor: 'gray.8' };

/** Kiểm tra: the compliance checks' breaches in the account's units, with filters, CSV and the printable reports. */
export function AuditPage({ today }: { today: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const organisations = useOrganisations();
  const [unit, setUnit] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const filter = { organisationId: unit ?? undefined, from: from ?? undefined, to: to ?? undefined };
  const violations = useQuery({
    queryKey: ['audit', 'violations', filter],
    queryFn: async () => {
      const result = await api.GET('/api/v1/audit/violations', { params: { query: { ...filter, limit: 200 } }, parseAs: 'json' });
      ok(result);
      return result.data as unknown as { items: Violation[]; totals: { check: string; count: number }[] };
    },
  });
  const units = [...(organisations.data?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const year = today.slice(0, 4);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('audit.title')}
      </Title>
      <Card withBorder>
        <Group align="end" wrap="wrap">
          <Select label={t('worklist.unit')} placeholder={t('worklist.allUnits')} data={units.map((u) => ({ value: u.id, label: u.name }))} value={unit} onChange={setUnit} clearable searchable w={300} />
          <DateInput label={t('audit.from')} value={from} onChange={setFrom} valueFormat="DD/MM/YYYY" dateParser={dateInput} placeholder={t('form.datePlaceholder')} clearable w={170} />
          <DateInput label={t('audit.to')} value={to} onChange={setTo} valueFormat="DD/MM/YYYY" dateParser={dateInput} placeholder={t('form.datePlaceholder')} clearable w={170} />
          <Anchor href={`/api/v1/audit/violations${queryString({ ...filter, format: 'csv' })}`} size="sm">
            {t('audit.csv')}
          </Anchor>
          <Anchor href={`/api/v1/statistics/report${queryString({ organisationId: unit, period: year })}`} target="_blank" rel="noopener" size="sm">
            {t('audit.statistics', { year })}
          </Anchor>
        </Group>
      </Card>
      <Tabs defaultValue="violations" keepMounted={false}>
        <Tabs.List className="no-print">
          <Tabs.Tab value="violations">{t('statistics.late.violations')}</Tabs.Tab>
          <Tabs.Tab value="deadlines">{t('statistics.late.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="violations" pt="md">
          {violations.error ? <ErrorNotice error={violations.error} /> : null}
          <Card withBorder padding={0}>
            {violations.isPending ? (
              <Loader m="md" size="sm" />
            ) : violations.data && violations.data.items.length === 0 ? (
              <Text p="md">{t('audit.none')}</Text>
            ) : (
              <DataTable minWidth={800} testId="violations" headers={[t('worklist.candidate'), t('worklist.unit'), t('audit.check'), t('audit.severity'), t('audit.detectedOn')]}>
                {violations.data?.items.map((v) => (
                  <Table.Tr key={`${v.caseId}-${v.check}`}>
                    <Table.Td>
                      <Link to={{ name: 'case', caseId: v.caseId }} fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {v.candidateName}
                      </Link>
                    </Table.Td>
                    <Table.Td>{v.organisationName}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{v.title[lang]}</Text>
                      <Text size="xs" c="gray.7">
                        {t('errors.source', { source: basisText(v.source, lang) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={700} c={SEVERITY_COLOURS[v.severity] ?? 'gray.8'}>
                        {t(`audit.severities.${v.severity}`, { defaultValue: t('audit.severities.minor') })}
                      </Text>
                    </Table.Td>
                    <Table.Td>{viDate(v.detectedOn)}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            )}
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="deadlines" pt="md">
          <LateDeadlines organisationId={unit} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
