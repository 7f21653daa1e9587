import { Card, List, Text, ThemeIcon, Title } from '@mantine/core';
import { EVENT_LABELS } from '@charterflow/procedure';
import { useTranslation } from 'react-i18next';
import { viDate } from '../../lib/dates';
import { dossierChecklist } from '../../lib/dossier';
import type { Lang } from '../../lib/payload';

/** The admission dossier part by part: what is there (with its date) and what is still missing. */
export function DossierCard({ facts }: { facts: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const items = dossierChecklist(facts);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('case.dossier')}
      </Title>
      <List spacing={6} size="sm" data-testid="dossier">
        {items.map((item, i) => (
          <List.Item
            key={`${item.step}-${i}`}
            icon={
              <ThemeIcon size={18} radius="xl" color={item.done ? 'green.8' : 'gray.5'} aria-label={item.done ? t('case.present') : t('case.missing')}>
                <Text size="xs" c="white" fw={700} lh={1}>
                  {item.done ? '✓' : '–'}
                </Text>
              </ThemeIcon>
            }
          >
            <Text size="sm" span fw={item.done ? 400 : 600}>
              {EVENT_LABELS[item.step][lang]}
              {item.about ? `: ${item.about}` : ''}
            </Text>{' '}
            <Text size="sm" span c="gray.7">
              {item.step === 'VERIFICATION_REQUESTED'
                ? item.repliedOn
                  ? t('case.replied', { asked: viDate(item.on), replied: viDate(item.repliedOn) })
                  : t('case.awaitingReply', { asked: viDate(item.on) })
                : item.done
                  ? viDate(item.on)
                  : t('case.missing')}
            </Text>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
