import { Alert, Card, Group, Loader, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { DEADLINE_KIND_LABELS, EVENT_LABELS } from '@charterflow/procedure';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { Link } from '../../app/Link';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { viDate } from '../../lib/dates';
import { headlineStep } from '../../lib/next-step';
import type { Lang } from '../../lib/payload';
import { useOrganisations } from '../organisations';
import { type Bucket, BUCKETS, workingDaysKey } from './worklist-view';

const REASON_COLOURS: Record<string, string> = { overdue: 'red.9', due_soon: 'orange.9', your_step: 'blue.9' };

/** Việc cần làm: the account's cases overdue, due within 10 working days, or waiting for its own body's step. */
export function WorklistPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [bucket, setBucket] = useState<Bucket>('all');
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const [unit, setUnit] = useState<string | null>(null);
  const organisations = useOrganisations();
  const worklist = useQuery({
    queryKey: ['worklist', unit],
    queryFn: async () => ok(await api.GET('/api/v1/worklist', { params: { query: unit ? { organisationId: unit } : {} } })),
  });
  const units = [...(organisations.data?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const counts = worklist.data?.counts;
  const total = counts ? counts.overdue + counts.due_soon + counts.your_step : 0;
  const items = (worklist.data?.items ?? []).filter((i) => bucket === 'all' || i.reason === bucket);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="end">
        <Title order={1} size="h2">
          {t('worklist.title')}
        </Title>
        <Select
          label={t('worklist.unit')}
          placeholder={t('worklist.allUnits')}
          data={units.map((u) => ({ value: u.id, label: u.name }))}
          value={unit}
          onChange={setUnit}
          clearable
          searchable
          w={320}
          maw="100%"
        />
      </Group>
      <SegmentedControl
        value={bucket}
        onChange={(v) => setBucket(v)}
        data={BUCKETS.map((b) => ({ value: b, label: `${t(`worklist.${b}`)} (${b === 'all' ? total : (counts?.[b] ?? 0)})` }))}
        aria-label={t('worklist.reason')}
        orientation={narrow ? 'vertical' : 'horizontal'}
        fullWidth
      />
      {worklist.error ? <ErrorNotice error={worklist.error} /> : null}
      {worklist.data?.truncated ? <Alert color="yellow">{t('worklist.truncated')}</Alert> : null}
      <Card withBorder padding={0}>
        {worklist.isPending ? (
          <Group p="md">
            <Loader size="sm" />
            <Text>{t('app.loading')}</Text>
          </Group>
        ) : items.length === 0 ? (
          <Text p="md">{t('worklist.empty')}</Text>
        ) : (
          <DataTable minWidth={900} testId="worklist" highlightOnHover headers={[t('worklist.candidate'), t('worklist.unit'), t('worklist.reason'), t('worklist.limit'), t('worklist.dueOn'), t('worklist.days'), t('worklist.next')]}>
            {items.map((item) => {
              const days = workingDaysKey(item.reason, item.workingDays);
              const next = headlineStep(item.events);
              return (
                <Table.Tr key={item.caseId}>
                  <Table.Td>
                    <Link to={{ name: 'case', caseId: item.caseId }} fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {item.candidateName}
                    </Link>
                  </Table.Td>
                  <Table.Td>{organisations.data?.get(item.organisationId)?.name ?? ''}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={700} c={REASON_COLOURS[item.reason]}>
                      {t(`worklist.${item.reason}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{item.deadlineKind ? DEADLINE_KIND_LABELS[item.deadlineKind][lang] : ''}</Table.Td>
                  <Table.Td>{viDate(item.dueOn)}</Table.Td>
                  <Table.Td>
                    {days ? (
                      <Text size="sm" c={item.reason === 'overdue' ? 'red.9' : undefined} fw={item.reason === 'overdue' ? 700 : 400}>
                        {t(days.key, { count: days.count })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {next ? (
                      <Text size="sm">
                        {EVENT_LABELS[next.step][lang]}
                        {next.others > 0 ? (
                          <Text span size="xs" c="gray.7">
                            {' '}
                            {t('worklist.others', { count: next.others })}
                          </Text>
                        ) : null}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </DataTable>
        )}
      </Card>
    </Stack>
  );
}
