import { ActionIcon, Button, Card, Grid, Group, Loader, NumberInput, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Me } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type CalendarDay, keptCalendar, type OverrideKind, overrideProblem, withDay, withoutDay, type YearOverrides } from '../../lib/calendar-overrides';
import { viDate } from '../../lib/dates';
import { dateInput } from '../../lib/step-form';
import { useOrganisations } from '../organisations';
import { AdminError } from './AdminError';

/**
 * Lịch làm việc (administrators): a year's days off and make-up working days on the calendar the account keeps (its
 * province's own arrangement, or the national one for an administrator over the whole tree); adding or removing one
 * replaces the year's overrides.
 */
export function CalendarPage({ today, me }: { today: string; me: Me }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const organisations = useOrganisations();
  const ownId = me.organisationId as unknown as string | null;
  const kept = keptCalendar(ownId, ownId === null ? null : (organisations.data?.get(ownId)?.kind ?? null));
  const query = kept.organisationId ? { organisationId: kept.organisationId } : {};
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [kind, setKind] = useState<OverrideKind>('dayOff');
  const [date, setDate] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const key = ['calendar', year, kept.organisationId ?? null];
  const calendar = useQuery({ queryKey: key, queryFn: async () => ok(await api.GET('/api/v1/calendar/{year}', { params: { path: { year }, query } })) });
  const current: YearOverrides | null = calendar.data ? { daysOff: calendar.data.daysOff, workingDays: calendar.data.workingDays, source: calendar.data.source } : null;

  const replace = useMutation({
    mutationFn: async (next: YearOverrides) => ok(await api.PUT('/api/v1/calendar/{year}', { params: { path: { year }, query }, body: next })),
    onSuccess: (answer) => {
      client.setQueryData(key, answer);
      setDate(null);
      setName('');
    },
  });

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!current || !date) return;
    const day: CalendarDay = { date, name };
    const why = overrideProblem(year, current, kind, day);
    setProblem(why);
    if (!why) replace.mutate(withDay(current, kind, day));
  };

  const list = (days: CalendarDay[], label: string, testId: string) => (
    <Card withBorder padding={0}>
      <Title order={2} size="h4" p="md" pb={0}>
        {label}
      </Title>
      {days.length === 0 ? (
        <Text p="md" size="sm" c="gray.7">
          {t('admin.calendar.none')}
        </Text>
      ) : (
        <Table verticalSpacing="xs" data-testid={testId}>
          <Table.Tbody>
            {days.map((d) => (
              <Table.Tr key={d.date}>
                <Table.Td w={130}>{viDate(d.date)}</Table.Td>
                <Table.Td>{d.name}</Table.Td>
                <Table.Td w={60}>
                  {kept.editable ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('admin.calendar.remove', { date: viDate(d.date) })}
                    onClick={() => current && replace.mutate(withoutDay(current, d.date))}
                    loading={replace.isPending}
                  >
                    ×
                  </ActionIcon>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('admin.calendar.title')}
        </Title>
        <NumberInput label={t('admin.calendar.year')} value={year} onChange={(v) => typeof v === 'number' && v >= 1900 && v <= 2100 && setYear(v)} min={1900} max={2100} w={120} allowDecimal={false} thousandSeparator="" />
      </Group>
      {calendar.data ? (
        <Text size="sm" c="gray.7" data-testid="calendar-scope">
          {calendar.data.scope === 'national' ? t('admin.calendar.national') : t('admin.calendar.province')}
          {calendar.data.source ? ` — ${t('admin.calendar.source', { source: calendar.data.source })}` : ''}
        </Text>
      ) : null}
      {calendar.error ? <ErrorNotice error={calendar.error} /> : null}
      {kept.editable ? null : (
        <Text size="sm" c="gray.7">
          {t('admin.calendar.readOnly')}
        </Text>
      )}
      {kept.editable ? (
      <Card withBorder component="form" onSubmit={add} aria-label={t('admin.calendar.add')}>
        <Title order={2} size="h4" mb="sm">
          {t('admin.calendar.add')}
        </Title>
        <Grid>
          <Grid.Col span={12}>
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v)}
              data={[
                { value: 'dayOff', label: t('admin.calendar.dayOff') },
                { value: 'workingDay', label: t('admin.calendar.workingDay') },
              ]}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DateInput label={t('admin.calendar.date')} value={date} onChange={(v) => setDate(v)} valueFormat="DD/MM/YYYY" dateParser={(text) => dateInput(text)} placeholder={t('form.datePlaceholder')} required />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput label={t('admin.calendar.name')} description={t('admin.calendar.nameHelp')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          </Grid.Col>
        </Grid>
        {problem ? (
          <Text c="red.9" size="sm" role="alert" mt="sm">
            {t(problem)}
          </Text>
        ) : null}
        {replace.error ? <AdminError error={replace.error} /> : null}
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={replace.isPending} disabled={!current}>
            {t('admin.calendar.submit')}
          </Button>
        </Group>
      </Card>
      ) : null}
      {calendar.isPending ? (
        <Loader size="sm" />
      ) : current ? (
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>{list(current.daysOff, t('admin.calendar.daysOff'), 'days-off')}</Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>{list(current.workingDays, t('admin.calendar.workingDays'), 'working-days')}</Grid.Col>
        </Grid>
      ) : null}
    </Stack>
  );
}
