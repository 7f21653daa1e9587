import { Card, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { Link } from '../../app/Link';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { viDate } from '../../lib/dates';
import { basisText } from '../../lib/errors';
import type { Lang } from '../../lib/payload';

/** A time limit met late, missed, or open past its date (GET /audit/deadlines?status=missed). */
interface LateDeadline {
  id: string;
  caseId: string;
  candidateName: string;
  label: { vi: string; en: string };
  source: string;
  dueOn: string;
  closedOn: string | null;
  status: string;
  workingDaysLate: number | null;
  overdue: boolean;
}

/** The late and missed time limits of the account's units (a tab of the audit screen), with the working days late. */
export function LateDeadlines({ organisationId }: { organisationId: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const deadlines = useQuery({
    queryKey: ['audit', 'deadlines', organisationId],
    queryFn: async () => {
      const result = await api.GET('/api/v1/audit/deadlines', { params: { query: { status: 'missed', organisationId: organisationId ?? undefined, limit: 500 } }, parseAs: 'json' });
      ok(result);
      return (result.data as unknown as { items: LateDeadline[] }).items;
    },
  });
  const statusText = (d: LateDeadline) => (d.overdue ? t('statistics.late.overdue') : d.closedOn ? t('statistics.late.closedLate') : t('statistics.late.missed'));
  if (deadlines.error) return <ErrorNotice error={deadlines.error} />;
  return (
    <Card withBorder padding={0}>
      {deadlines.isPending ? (
        <Loader m="md" size="sm" />
      ) : deadlines.data.length === 0 ? (
        <Text p="md">{t('statistics.late.none')}</Text>
      ) : (
        <DataTable minWidth={800} testId="late-deadlines" headers={[t('worklist.candidate'), t('statistics.late.limit'), t('statistics.late.dueOn'), t('statistics.late.closedOn'), t('statistics.late.daysLate'), t('statistics.late.status')]}>
          {deadlines.data.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Link to={{ name: 'case', caseId: d.caseId }} fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {d.candidateName}
                </Link>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.label[lang]}</Text>
                <Text size="xs" c="gray.7">
                  {t('errors.source', { source: basisText(d.source, lang) })}
                </Text>
              </Table.Td>
              <Table.Td>{viDate(d.dueOn)}</Table.Td>
              <Table.Td>{viDate(d.closedOn)}</Table.Td>
              <Table.Td fw={700}>{d.workingDaysLate ?? '—'}</Table.Td>
              <Table.Td>{statusText(d)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}
