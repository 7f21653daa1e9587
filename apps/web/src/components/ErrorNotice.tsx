import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { explain } from '../lib/errors';

/** An error in words for staff: the rule's own Vietnamese sentence and article, or one of the known situations. */
export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const e = explanationOf(error);
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {e.kind === 'text' ? (
        <Text size="sm">{e.vi}</Text>
      ) : (
        <Text size="sm">{t(e.key, e.values)}</Text>
      )}
    </Alert>
  );
}

export function explanationOf(error: unknown) {
  if (error instanceof ApiError) return explain(error.status, error.body);
  return explain(0, null);
}
