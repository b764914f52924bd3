/** A Prometheus text exposition as `name{labels}` → value (labels as the service wrote them). */
export type Scrape = Map<string, number>;

export async function scrape(url: string, token?: string): Promise<Scrape> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(5000) });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const out: Scrape = new Map();
  for (const line of (await res.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

/** How much a series grew between two scrapes (a series absent before counts from 0). */
export const grew = (before: Scrape, after: Scrape, series: string): number => (after.get(series) ?? NaN) - (before.get(series) ?? 0);
