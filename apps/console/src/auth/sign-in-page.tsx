import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend } from '../api/backend';
import type { ApiProblem } from '../api/errors';
import { graphqlFetch } from '../api/graphql-fetch';
import { graphql } from '../__generated__/gateway';
import { siteGraphql } from '../__generated__/site';
import { LanguageSwitch } from '../ui/language-switch';
import type { Session } from './session';

const GATEWAY_LOGIN = graphql(`
  mutation Login($u: String!, $p: String!) {
    login(username: $u, password: $p) {
      token
      role
      unitId
    }
  }
`);

const SITE_LOGIN = siteGraphql(`
  mutation Login($u: String!, $p: String!) {
    login(username: $u, password: $p) {
      token
      username
      role
      unitId
      siteId
    }
  }
`);

interface Props {
  graphqlUrl: string;
  backend: Backend;
  notice?: string | null;
  onSignedIn: (s: Session) => void;
}

export function SignInPage({ graphqlUrl, backend, notice, onSignedIn }: Props): ReactNode {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [missing, setMissing] = useState<'username' | 'password' | null>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!username.trim()) return setMissing('username');
    if (!password) return setMissing('password');
    setMissing(null);
    setBusy(true);
    setProblem(null);
    const vars = { u: username.trim(), p: password };
    const r = backend === 'site' ? await graphqlFetch(graphqlUrl, SITE_LOGIN, vars) : await graphqlFetch(graphqlUrl, GATEWAY_LOGIN, vars);
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    const l: { token: string; role: Session['role']; unitId: string; username?: string; siteId?: string } = r.data.login;
    onSignedIn({ token: l.token, role: l.role, unitId: l.unitId, username: l.username ?? username.trim(), backend, siteId: l.siteId });
  }

  return (
    <div className="signin-page" data-testid="signin-view">
      <div className="signin-top">
        <LanguageSwitch />
      </div>
      <form className="signin-card" onSubmit={(e) => void submit(e)} data-testid="login-form" noValidate>
        <h1>
          <span className="brand-mark">契合</span> Qihe
        </h1>
        <p className="muted">{backend === 'site' ? t('signin.atSite') : t('signin.atGateway')}</p>
        {notice && <div className="notice">{notice}</div>}
        <label className="field">
          <span>{t('signin.username')}</span>
          <input
            name="username"
            autoFocus
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={missing === 'username'}
            data-testid="login-username"
          />
          {missing === 'username' && <span className="field-error">{t('validation.required', { field: t('signin.username') })}</span>}
        </label>
        <label className="field">
          <span>{t('signin.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={missing === 'password'}
            data-testid="login-password"
          />
          {missing === 'password' && <span className="field-error">{t('validation.required', { field: t('signin.password') })}</span>}
        </label>
        {problem && (
          <div className="field-error form-error" role="alert" data-testid="login-error">
            {problem.code === 'NETWORK' ? `${t('state.network')}: ` : ''}
            {problem.message}
          </div>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
          {busy ? t('signin.signingIn') : t('signin.submit')}
        </button>
      </form>
    </div>
  );
}
