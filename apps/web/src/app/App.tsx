import { Badge, createTheme, type CSSVariablesResolver, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiError } from '../api/client';
import { createI18n, type Language, storedLanguage, storeLanguage } from '../i18n';
import { SESSION_KEY, useSession } from '../features/auth/session';
import { SignIn } from '../features/auth/SignIn';
import { Layout } from './Layout';
import { Screens } from './Screens';

const theme = createTheme({
  // Blue for actions and focus: red is kept for what is late or refused, so that it always means a problem.
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: '"Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  defaultRadius: 'sm',
  // Vietnamese reads badly in capitals (diacritics crowd): badges keep the case they are written in.
  components: { Badge: Badge.extend({ defaultProps: { tt: 'none' } }) },
});

/** Dimmed text (field descriptions, secondary lines) in gray 7: Mantine's gray 6 is below the WCAG AA contrast of 4.5:1. */
const cssVariables: CSSVariablesResolver = () => ({ variables: {}, light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' }, dark: {} });

/** The staff application: Vietnamese by default, the session in a cookie, every screen behind sign-in. */
export function App() {
  const [language, setLanguage] = useState<Language>(storedLanguage());
  const i18n = useMemo(() => createI18n(language), [language]);
  const [ended, setEnded] = useState(false);
  const client = useMemo(() => {
    // A 401 anywhere means the session ended (signed out elsewhere, expired, password changed): back to sign-in.
    const onError = (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        setEnded(true);
        queryClient.setQueryData(SESSION_KEY, null);
      }
    };
    const queryClient: QueryClient = new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: { queries: { retry: (count, error) => !(error instanceof ApiError) && count < 2, refetchOnWindowFocus: false } },
    });
    return queryClient;
  }, []);
  const clearEnded = useMemo(() => () => setEnded(false), []);
  const switchLanguage = () => {
    const next: Language = language === 'vi' ? 'en' : 'vi';
    storeLanguage(next);
    document.documentElement.lang = next;
    setLanguage(next);
  };

  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
        <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>
          <QueryClientProvider client={client}>
            <Gate ended={ended} onSignedIn={clearEnded} onSwitchLanguage={switchLanguage} />
          </QueryClientProvider>
        </DatesProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

function Gate({ ended, onSignedIn, onSwitchLanguage }: { ended: boolean; onSignedIn: () => void; onSwitchLanguage: () => void }) {
  const session = useSession();
  const signedIn = !!session.data;
  useEffect(() => {
    if (signedIn && ended) onSignedIn();
  }, [signedIn, ended, onSignedIn]);
  if (session.isPending) return null;
  if (!session.data) return <SignIn ended={ended} />;
  return (
    <Layout me={session.data.me} onSwitchLanguage={onSwitchLanguage}>
      <Screens me={session.data.me} />
    </Layout>
  );
}
