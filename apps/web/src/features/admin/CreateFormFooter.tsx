import { Button, Group, Text } from '@mantine/core';
import { TEXT_COLORS } from '../../app/colors';
import { AdminError } from './AdminError';

/** The foot of an administration form that creates something: its refusal, what it created, and the submit button. */
export function CreateFormFooter({ error, created, submit, pending }: { error: unknown; created: string | null; submit: string; pending: boolean }) {
  return (
    <>
      {error ? <AdminError error={error} /> : null}
      {created ? (
        <Text c={TEXT_COLORS.success} fw={600} role="status" mt="sm">
          {created}
        </Text>
      ) : null}
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={pending}>
          {submit}
        </Button>
      </Group>
    </>
  );
}
