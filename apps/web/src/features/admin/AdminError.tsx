import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { explainAdmin } from '../../lib/org-tree';

/** A refused administration write in Vietnamese: the server's own sentence, or the situation in words. */
export function AdminError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const e = error instanceof ApiError ? explainAdmin(error.status, error.body) : explainAdmin(0, null);
  return (
    <Alert color="red" variant="light" role="alert" mt="sm">
      <Text size="sm">{e.kind === 'text' ? e.vi : t(e.key, e.values)}</Text>
    </Alert>
  );
}
