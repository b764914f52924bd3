/** @jest-environment jsdom */
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { act, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Observable } from 'rxjs';
import { initI18n } from '../i18n/i18n';
import { CustomerLookup, LOOKUP_DEBOUNCE_MS, STALE_RECHECK_MS } from './customer-lookup';

// When the lookup card asks the site again. The site's answers themselves (fresh,
// stale copy, scope) are proven against a real gateway in test/site/site-customers.spec.ts
// and in Chromium in test/browser/customer-lens.e2e-spec.ts; here a stand-in site
// answers from a list, so the card's own asking can be counted exactly.

beforeAll(() => {
  initI18n('en');
});

interface Answer {
  stale: boolean;
}

function fakeSite(answers: Answer[]) {
  const asked: string[] = [];
  const link = new ApolloLink(
    (op) =>
      new Observable((sub) => {
        const customerId = String(op.variables.customerId);
        asked.push(customerId);
        const a = answers[Math.min(asked.length, answers.length) - 1]!;
        const asOf = a.stale ? '2026-12-01T10:00:00.000Z' : new Date().toISOString();
        sub.next({ data: { customer: { __typename: 'SiteCustomer', customerId, scopeUnitId: 'bu-grid', asOf, stale: a.stale, profile: null } } });
        sub.complete();
      }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  const wrap = (ui: ReactNode): ReactNode => <ApolloProvider client={client}>{ui}</ApolloProvider>;
  return { asked, wrap };
}

const pause = (ms: number): Promise<void> => act(() => new Promise<void>((r) => setTimeout(r, ms)));

describe('CustomerLookup asks the site again', () => {
  it('every few seconds while the answer is stale, and no more once it is fresh', async () => {
    const site = fakeSite([{ stale: true }, { stale: false }]);
    render(site.wrap(<CustomerLookup customerId="C-1" gatewayReachable />));
    await screen.findByTestId('customer-stale');
    expect(site.asked).toEqual(['C-1']);
    await screen.findByTestId('customer-none', undefined, { timeout: STALE_RECHECK_MS + 2000 });
    expect(screen.queryByTestId('customer-stale')).toBeNull();
    expect(site.asked).toEqual(['C-1', 'C-1']);
    await pause(STALE_RECHECK_MS + 500);
    expect(site.asked).toEqual(['C-1', 'C-1']);
  }, 15_000);

  it("when the site's link to the gateway goes or comes back, not when it stays", async () => {
    const site = fakeSite([{ stale: false }, { stale: true }, { stale: false }]);
    const view = render(site.wrap(<CustomerLookup customerId="C-1" gatewayReachable />));
    await screen.findByTestId('customer-none');
    view.rerender(site.wrap(<CustomerLookup customerId="C-1" gatewayReachable />));
    await pause(100);
    expect(site.asked).toHaveLength(1);
    view.rerender(site.wrap(<CustomerLookup customerId="C-1" gatewayReachable={false} />));
    await screen.findByTestId('customer-stale');
    view.rerender(site.wrap(<CustomerLookup customerId="C-1" gatewayReachable />));
    await waitFor(() => expect(screen.queryByTestId('customer-stale')).toBeNull());
    expect(site.asked).toEqual(['C-1', 'C-1', 'C-1']);
  });

  it('when the agent settles on the same id again (cleared and retyped within the debounce), once per pause', async () => {
    const site = fakeSite([{ stale: false }]);
    const view = render(site.wrap(<CustomerLookup customerId="C-1" gatewayReachable />));
    await screen.findByTestId('customer-none');
    expect(site.asked).toEqual(['C-1']);
    view.rerender(site.wrap(<CustomerLookup customerId="" gatewayReachable />));
    view.rerender(site.wrap(<CustomerLookup customerId="C-1" gatewayReachable />));
    await waitFor(() => expect(site.asked).toEqual(['C-1', 'C-1']));
    // The card stayed on screen meanwhile (no flash of "looking up").
    expect(screen.getByTestId('customer-none')).toBeTruthy();
    await pause(LOOKUP_DEBOUNCE_MS + 200);
    expect(site.asked).toEqual(['C-1', 'C-1']);
  });
});
