import { Anchor, Card, Group, Loader, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { Lang } from '../../lib/payload';
import { queryString } from '../../lib/query-string';
import { useOrganisations } from '../organisations';
import { MonthlyChart } from './MonthlyChart';
import { type MonthCount, monthBars, monthlyTarget, PERIOD_PARTS, periodId, periodTarget, type PeriodPart, type TargetLike } from './statistics-view';

type Label = { vi: string; en: string };

/** One line of GET /statistics/admissions (an organisation or the total). */
interface StatisticsLine {
  organisationId: string | null;
  organisationName: string;
  admissions: number;
  categories: Record<string, number>;
  recognitions: number;
  removals: number;
}

/** The answer of GET /statistics/admissions. */
interface AdmissionStatistics {
  organisation: { id: string; name: string };
  period: { id: string; from: string; to: string; label: Label };
  rows: StatisticsLine[];
  total: StatisticsLine;
  admittingUnits: { total: number; withAdmissions: number; share: number | null };
  /** Every month of the period, in order, with the subtree's admissions in it. */
  months: MonthCount[];
  categoryLabels: Record<string, Label>;
}

async function admissionsOf(organisationId: string | null, period: string): Promise<AdmissionStatistics> {
  const result = await api.GET('/api/v1/statistics/admissions', { params: { query: { organisationId: organisationId ?? undefined, period } }, parseAs: 'json' });
  ok(result);
  return result.data as unknown as AdmissionStatistics;
}

/** The admissions register (sổ theo dõi) of the unit and period shown, as the API prints it. */
const registerHref = (organisationId: string, period: { from: string; to: string }, format: 'pdf' | 'docx') =>
  `/api/v1/organisations/${organisationId}/admissions-register${queryString({ from: period.from, to: period.to, format })}`;

const percent = (n: number | null) => (n === null ? '—' : `${String(n).replace('.', ',')} %`);

/** Thống kê: admissions of a period against the target, per month and by category, with CSV and the printable report. */
export function StatisticsPage({ today }: { today: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const organisations = useOrganisations();
  const thisYear = Number(today.slice(0, 4));
  const [unit, setUnit] = useState<string | null>(null);
  const [year, setYear] = useState(String(thisYear));
  const [part, setPart] = useState<PeriodPart>('year');
  const period = periodId(Number(year), part);

  const statistics = useQuery({ queryKey: ['statistics', 'admissions', unit, period], queryFn: () => admissionsOf(unit, period) });
  const targets = useQuery({
    queryKey: ['statistics', 'targets', unit],
    queryFn: async () => {
      const result = await api.GET('/api/v1/targets', { params: { query: { organisationId: unit ?? undefined } }, parseAs: 'json' });
      ok(result);
      return result.data as unknown as (TargetLike & { admitted: number })[];
    },
  });

  const units = [...(organisations.data?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const s = statistics.data;
  const target = s && targets.data ? monthlyTarget(targets.data, s.organisation.id, Number(year)) : null;
  const targetOfPeriod = s ? periodTarget(target, s.months.length) : null;
  const admitted = s?.total.admissions ?? 0;
  const query = { organisationId: unit, period };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('statistics.title')}
      </Title>
      <Card withBorder className="no-print">
        <Group align="end" wrap="wrap">
          <Select label={t('worklist.unit')} placeholder={t('statistics.ownUnit')} data={units.map((u) => ({ value: u.id, label: u.name }))} value={unit} onChange={setUnit} clearable searchable w={300} />
          <Select
            label={t('statistics.year')}
            data={Array.from({ length: 5 }, (_, i) => String(thisYear - i))}
            value={year}
            onChange={(v) => setYear(v ?? String(thisYear))}
            allowDeselect={false}
            w={120}
          />
          <Select
            label={t('statistics.part')}
            data={PERIOD_PARTS.map((p) => ({ value: p, label: t(`statistics.parts.${p}`) }))}
            value={part}
            onChange={(v) => setPart(v ?? 'year')}
            allowDeselect={false}
            w={200}
          />
          <Anchor href={`/api/v1/statistics/admissions${queryString({ ...query, format: 'csv' })}`} size="sm">
            {t('statistics.csv')}
          </Anchor>
          <Anchor href={`/api/v1/statistics/report${queryString(query)}`} target="_blank" rel="noopener" size="sm">
            {t('statistics.report')}
          </Anchor>
          {s ? (
            <>
              <Anchor href={registerHref(s.organisation.id, s.period, 'pdf')} target="_blank" rel="noopener" size="sm">
                {t('documents.register')}
              </Anchor>
              <Anchor href={registerHref(s.organisation.id, s.period, 'docx')} download size="sm">
                {t('documents.registerWord')}
              </Anchor>
            </>
          ) : null}
        </Group>
      </Card>
      {statistics.error ? <ErrorNotice error={statistics.error} /> : null}
      {statistics.isPending ? <Loader size="sm" /> : null}
      {s ? (
        <>
          <Text fw={600} data-testid="statistics-heading">
            {s.organisation.name} — {s.period.label[lang]}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="statistics-summary">
            <Figure label={t('statistics.admissions')} value={String(admitted)} testId="admitted" />
            <Figure
              label={t('statistics.target')}
              value={targets.isPending ? '…' : targetOfPeriod === null ? t('statistics.noTarget') : String(targetOfPeriod)}
              note={targetOfPeriod ? t('statistics.achieved', { percent: percent(Math.round((admitted / targetOfPeriod) * 1000) / 10) }) : undefined}
              testId="target"
            />
            <Figure label={t('statistics.recognitions')} value={String(s.total.recognitions)} testId="recognitions" />
            <Figure
              label={t('statistics.admittingUnits')}
              value={`${s.admittingUnits.withAdmissions}/${s.admittingUnits.total}`}
              note={percent(s.admittingUnits.share)}
              testId="admitting-units"
            />
          </SimpleGrid>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('statistics.perMonth')}
            </Title>
            {targets.error ? <ErrorNotice error={targets.error} /> : null}
            {!targets.isPending ? <MonthlyChart bars={monthBars(s.months)} target={target} /> : <Loader size="sm" />}
          </Card>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Table striped captionSide="top" data-testid="categories">
                <Table.Caption style={{ color: 'var(--mantine-color-gray-8)' }}>{t('statistics.byCategory')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('statistics.category')}</Table.Th>
                    <Table.Th scope="col">{t('statistics.admissions')}</Table.Th>
                    <Table.Th scope="col">{t('statistics.share')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {Object.entries(s.categoryLabels).map(([key, label]) => {
                    const n = s.total.categories[key] ?? 0;
                    return (
                      <Table.Tr key={key}>
                        <Table.Th scope="row" fw={400}>
                          {label[lang]}
                        </Table.Th>
                        <Table.Td>{n}</Table.Td>
                        <Table.Td>{admitted ? percent(Math.round((n / admitted) * 1000) / 10) : '—'}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Card>
            <Card withBorder>
              <Table.ScrollContainer minWidth={360}>
                <Table striped captionSide="top" data-testid="units">
                  <Table.Caption style={{ color: 'var(--mantine-color-gray-8)' }}>{t('statistics.byUnit')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('worklist.unit')}</Table.Th>
                      <Table.Th scope="col">{t('statistics.admissions')}</Table.Th>
                      <Table.Th scope="col">{t('statistics.recognitions')}</Table.Th>
                      <Table.Th scope="col">{t('statistics.removals')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.rows.map((r) => (
                      <Table.Tr key={r.organisationId ?? r.organisationName}>
                        <Table.Th scope="row" fw={400}>
                          {r.organisationName}
                        </Table.Th>
                        <Table.Td>{r.admissions}</Table.Td>
                        <Table.Td>{r.recognitions}</Table.Td>
                        <Table.Td>{r.removals}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          </SimpleGrid>
        </>
      ) : null}
    </Stack>
  );
}

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <Card withBorder padding="sm" data-testid={`figure-${testId}`}>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="gray.7">
          {note}
        </Text>
      ) : null}
    </Card>
  );
}
