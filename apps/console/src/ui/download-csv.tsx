import { useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionContext } from '../auth/session';

// "Download CSV" for a list on screen: GET /export/<list>.csv with the same
// parameters the list was queried with (docs/export.md). The endpoint takes the
// bearer token, which a plain link cannot carry, so the file is fetched and
// handed to the browser as a blob under the server's file name.

export type ExportList = 'touchpoints' | 'breakdown' | 'children' | 'trend';

interface Props {
  list: ExportList;
  params: Record<string, string | number | boolean | null | undefined>;
}

/** The export URL of a list: the given params, empty ones left out. */
export function exportUrl(apiBase: string, list: ExportList, params: Props['params']): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, String(v));
  return `${apiBase}/export/${list}.csv?${q.toString()}`;
}

const fileNameOf = (disposition: string | null, fallback: string): string => /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;

export function DownloadCsv({ list, params }: Props): ReactNode {
  const { t } = useTranslation();
  const ctx = useContext(SessionContext);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const download = async (): Promise<void> => {
    if (!ctx) return;
    setState({ busy: true, error: null });
    try {
      const res = await fetch(exportUrl(ctx.apiBase ?? '', list, params), { headers: { authorization: `Bearer ${ctx.session.token}` } });
      if (!res.ok) {
        // Refusals are JSON with the API's code and message (never half a file).
        const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        throw new Error(`${body?.error?.code ?? res.status}: ${body?.error?.message ?? res.statusText}`);
      }
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileNameOf(res.headers.get('content-disposition'), `qihe-${list}.csv`);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false, error: null });
    } catch (err) {
      setState({ busy: false, error: (err as Error).message });
    }
  };
  return (
    <span className="download-csv">
      <button type="button" className="link small" disabled={state.busy} onClick={() => void download()} data-testid={`download-${list}`}>
        ⤓ {state.busy ? t('csv.preparing') : t('csv.download')}
      </button>
      {state.error && (
        <span className="error small" role="alert" data-testid={`download-${list}-error`}>
          {state.error}
        </span>
      )}
    </span>
  );
}
