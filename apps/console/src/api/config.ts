// Where the console's API lives. Same origin by default (the gateway or a site
// serves the console); `?api=http://host:port` or VITE_QIHE_API_URL points it
// elsewhere for development. Kept apart from components: `import.meta` is
// Vite-only, and tests import components without it.

import { FEED_NAMESPACE } from '@qihe/contracts';

export interface ApiEndpoints {
  /** Base URL without trailing slash; '' means same origin. */
  base: string;
  graphql: string;
  /** socket.io namespace URL of the live feed. */
  feed: string;
}

function fromQuery(): string | null {
  const search = new URLSearchParams(window.location.search);
  const inHash = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  return search.get('api') ?? inHash.get('api');
}

export function resolveEndpoints(): ApiEndpoints {
  const configured = fromQuery() ?? (import.meta.env.VITE_QIHE_API_URL as string | undefined) ?? '';
  const base = configured.replace(/\/+$/, '');
  const origin = base === '' ? window.location.origin : base;
  return { base, graphql: `${base}/graphql`, feed: `${origin}${FEED_NAMESPACE}` };
}
