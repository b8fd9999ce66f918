// The root: Fluent theme, react-query, and which screen the register's state calls for.
//   none     → first run (create a register, or the demo)
//   locked   → unlock (passphrase, or the recovery key)
//   unlocked → the app; straight after creation the recovery key first; after a recovery-key
//              unlock, a new passphrase first.

import { Button, FluentProvider, Spinner, makeStaticStyles, makeStyles, webLightTheme } from '@fluentui/react-components';
import { QueryCache, QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { setLockedListener } from '../api/client.ts';
import { errorMessage, isApiError } from '../api/errors.ts';
import { forgetRegisterData, keys, useStatus } from '../api/queries.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { Heading } from '../components/Heading.tsx';
import { LockedLayout } from '../components/LockedLayout.tsx';
import { FirstRunScreen } from '../screens/firstRun/FirstRunScreen.tsx';
import { RecoveryKeyScreen } from '../screens/firstRun/RecoveryKeyScreen.tsx';
import { ResetPassphraseScreen } from '../screens/unlock/ResetPassphraseScreen.tsx';
import { UnlockScreen } from '../screens/unlock/UnlockScreen.tsx';
import { AppFrame } from './AppFrame.tsx';
import { useAppNotice } from './notice.ts';
import { useActivityReporter } from './useActivity.ts';
import { useStaleModalGuard } from './useStaleModalGuard.ts';

const useGlobalStyles = makeStaticStyles({
  'html, body': { margin: 0, padding: 0, height: '100%' },
  '#root': { height: '100%' },
  '.visually-hidden': {
    position: 'absolute', width: '1px', height: '1px', padding: 0, margin: '-1px', overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)', whiteSpace: 'nowrap', border: 0,
  },
});

const useStyles = makeStyles({
  provider: { minHeight: '100%' },
  loading: { minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' },
});

const NO_RETRY = new Set(['Locked', 'Forbidden', 'Invalid', 'NotFound', 'WrongPassphrase']);

export function createQueryClient(): QueryClient {
  const qc = new QueryClient({
    queryCache: new QueryCache({
      onError: (e) => {
        if (isApiError(e) && e.code === 'Locked') void qc.invalidateQueries({ queryKey: keys.status });
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, e) => !(isApiError(e) && NO_RETRY.has(e.code)) && count < 1,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
    },
  });
  // Any operation that finds the register locked sends the app to the unlock screen.
  setLockedListener(() => void qc.invalidateQueries({ queryKey: keys.status }));
  return qc;
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  useGlobalStyles();
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      <QueryClientProvider client={queryClient}>
        <Root />
      </QueryClientProvider>
    </FluentProvider>
  );
}

function Root() {
  const styles = useStyles();
  const qc = useQueryClient();
  const status = useStatus();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [notice, setNotice] = useAppNotice();
  const data = status.data;
  const state = data?.state;
  const previous = useRef(state);

  useActivityReporter(state === 'unlocked');
  useStaleModalGuard(`${state}:${data?.session?.userId ?? ''}:${data?.session?.via ?? ''}`);

  useEffect(() => {
    const was = previous.current;
    previous.current = state;
    if (state !== 'unlocked') {
      // Nothing read from the register outlives a lock.
      forgetRegisterData(qc);
      setRecoveryKey(null);
    } else if (was !== 'unlocked') {
      setNotice(null);
    }
  }, [state, qc, setNotice]);

  if (!data) {
    if (status.isPending) {
      return <div className={styles.loading}><Spinner label="Opening CiC Register…" /></div>;
    }
    return (
      <LockedLayout>
        <Heading focusOnMount>CiC Register cannot reach the register</Heading>
        <FormAlert messages={errorMessage(status.error)} />
        <div><Button appearance="primary" onClick={() => void status.refetch()}>Try again</Button></div>
      </LockedLayout>
    );
  }

  if (data.state === 'none') return <FirstRunScreen onCreated={setRecoveryKey} />;
  if (data.state === 'locked') return <UnlockScreen status={data} notice={notice} />;
  if (recoveryKey) {
    return <RecoveryKeyScreen recoveryKey={recoveryKey} schoolName={data.schoolName ?? ''} onDone={() => setRecoveryKey(null)} />;
  }
  if (data.session?.via === 'recovery') return <ResetPassphraseScreen status={data} />;
  return <AppFrame status={data} />;
}
