import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { viDate } from '../../lib/dates';
import type { Lang } from '../../lib/payload';
import { gapsInWords, type PartyAge, readmissionLines } from '../../lib/readmission';

/** A re-admission: how the person left the Party, and where the party age counts from (ADR 0022). Nothing otherwise. */
export function ReadmissionCard({ facts, membership }: { facts: Record<string, unknown>; membership: PartyAge }) {
  const { t, i18n } = useTranslation();
  const lines = readmissionLines(facts.readmission, i18n.language as Lang);
  if (lines.length === 0) return null;
  const gaps = gapsInWords(membership);
  const line = (label: string, value: string) => (
    <Text key={label} size="sm">
      <Text span c="gray.7">
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
  return (
    <Card withBorder data-testid="readmission">
      <Title order={2} size="h4" mb="sm">
        {t('case.readmission')}
      </Title>
      <SimpleGrid cols={1} spacing={4}>
        {lines.map((l) => line(l.label, l.value))}
        {membership.partyAgeFrom ? line(t('case.partyAgeFrom'), viDate(membership.partyAgeFrom)) : line(t('case.partyAgeFrom'), t('case.partyAgePending'))}
        {gaps.length > 0 ? line(t('case.partyAgeGaps'), gaps.join('; ')) : null}
      </SimpleGrid>
    </Card>
  );
}
