import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { createApolloClient } from './api/apollo';
import { detectBackend, type Backend } from './api/backend';
import type { ApiEndpoints } from './api/config';
import type { ApiProblem } from './api/errors';
import { SignInPage } from './auth/sign-in-page';
import { loadSession, saveSession, SessionContext, type Session } from './auth/session';
import { Shell } from './shell';
import { Loading, ProblemBox } from './ui/states';

type Probe = { state: 'probing' } | { state: 'ready'; backend: Backend } | { state: 'failed'; problem: ApiProblem };

/** Finds out which server answers (site or gateway), then signs in, then shows the views. */
export function App({ endpoints }: { endpoints: ApiEndpoints }): ReactNode {
  const { t } = useTranslation();
  const [probe, setProbe] = useState<Probe>({ state: 'probing' });
  const [attempt, setAttempt] = useState(0);
  const [session, setSession] = useState<Session | null>(() => loadSession(endpoints.base));
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setProbe({ state: 'probing' });
    void detectBackend(endpoints.graphql).then((r) => {
      if (live) setProbe('backend' in r ? { state: 'ready', backend: r.backend } : { state: 'failed', problem: r.problem });
    });
    return () => {
      live = false;
    };
  }, [endpoints.graphql, attempt]);

  const signOut = useCallback(
    (reason?: string) => {
      saveSession(endpoints.base, null);
      setSession(null);
      setNotice(reason ?? null);
    },
    [endpoints.base],
  );

  const signIn = useCallback(
    (s: Session) => {
      saveSession(endpoints.base, s);
      setNotice(null);
      setSession(s);
    },
    [endpoints.base],
  );

  const client = useMemo(
    () => (session ? createApolloClient(endpoints.graphql, session.token, (m) => signOut(`${t('signin.expired')} (${m})`)) : null),
    // a new client per token; `t` only words the sign-out notice
    [session?.token, endpoints.graphql, signOut],
  );

  if (probe.state === 'probing') return <Loading label={t('state.connecting')} />;
  if (probe.state === 'failed')
    return (
      <div className="page-center">
        <ProblemBox problem={probe.problem} onRetry={() => setAttempt((n) => n + 1)} />
      </div>
    );
  // A session from the other kind of server (e.g. a gateway token at a site) is of no use here.
  if (!session || !client || session.backend !== probe.backend) {
    return <SignInPage graphqlUrl={endpoints.graphql} backend={probe.backend} notice={notice} onSignedIn={signIn} />;
  }
  return (
    <SessionContext.Provider value={{ session, signOut, apiBase: endpoints.base }}>
      <ApolloProvider client={client}>
        <Shell endpoints={endpoints} />
      </ApolloProvider>
    </SessionContext.Provider>
  );
}
