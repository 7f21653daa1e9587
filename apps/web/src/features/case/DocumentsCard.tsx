import { Anchor, Card, Group, List, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { caseKeys } from './queries';

/** Where a form of the case is fetched: the API serves it to the browser session, PDF in a tab, Word as a download. */
export const documentHref = (caseId: string, form: string, format: 'pdf' | 'docx') => `/api/v1/cases/${caseId}/documents/${form}?format=${format}`;
export const packHref = (caseId: string) => `/api/v1/cases/${caseId}/documents/pack`;

/**
 * The papers of the case (forms 1-KNĐ … 16-KNĐ): those it has the data for, each as PDF to print (a new tab) or Word
 * to edit before signing; the whole file in one PDF. Forms of later steps appear when their step is recorded.
 */
export function DocumentsCard({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useTranslation();
  const documents = useQuery({
    queryKey: [...caseKeys.all(caseId), 'documents', version],
    queryFn: async () => ok(await api.GET('/api/v1/cases/{id}/documents', { params: { path: { id: caseId } } })),
  });
  const available = (documents.data ?? []).filter((d) => d.available);
  const later = (documents.data ?? []).length - available.length;
  return (
    <Card withBorder className="no-print" data-testid="documents">
      <Title order={2} size="h4" mb="sm">
        {t('documents.title')}
      </Title>
      {documents.error ? <ErrorNotice error={documents.error} /> : null}
      {documents.data && available.length === 0 ? <Text size="sm">{t('documents.none')}</Text> : null}
      <List spacing={6} size="sm" listStyleType="none" p={0}>
        {available.map((d) => (
          <List.Item key={d.form}>
            <Text size="sm" fw={500}>
              {d.title}
              {d.handwritten ? (
                <Text span size="xs" c="gray.7">
                  {' '}
                  — {t('documents.handwritten')}
                </Text>
              ) : null}
            </Text>
            <Group gap="md">
              <Anchor href={documentHref(caseId, d.form, 'pdf')} target="_blank" rel="noopener" size="sm" aria-label={t('documents.openPdf', { title: d.title })}>
                {t('documents.pdf')}
              </Anchor>
              <Anchor href={documentHref(caseId, d.form, 'docx')} download size="sm" aria-label={t('documents.downloadWord', { title: d.title })}>
                {t('documents.word')}
              </Anchor>
              {d.template ? (
                <Text span size="xs" c="gray.7">
                  {t('documents.customTemplate', { version: d.template.version })}
                </Text>
              ) : null}
            </Group>
          </List.Item>
        ))}
      </List>
      {available.length > 0 ? (
        <Anchor href={packHref(caseId)} target="_blank" rel="noopener" size="sm" mt="sm" display="block" fw={600}>
          {t('documents.pack')}
        </Anchor>
      ) : null}
      {later > 0 ? (
        <Text size="xs" c="gray.7" mt="xs">
          {t('documents.later', { count: later })}
        </Text>
      ) : null}
    </Card>
  );
}
